package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.failover.Backend;
import io.lakegate.guardrails.RowLimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Linq4j;
import org.junit.jupiter.api.Test;

/** The cache's key and bounds: a plan is found only for the backend it was planned for, never when off. */
class PlanCacheTest {
  private static final String SQL = "select 1";

  @Test
  void aPlanIsFoundOnlyForTheBackendItWasPlannedFor() {
    AtomicReference<Backend> routed = new AtomicReference<>(Backend.CLICKHOUSE);
    PlanCache cache = new PlanCache(10, routed::get);
    PlanCache.Key onClickHouse = cache.key(SQL, Object[].class, -1);
    PlanCache.Plan plan = plan();
    cache.put(onClickHouse, plan);
    assertSame(plan, cache.get(cache.key(SQL, Object[].class, -1)).orElseThrow());

    routed.set(Backend.LAKE);
    PlanCache.Key onLake = cache.key(SQL, Object[].class, -1);
    assertNotEquals(onClickHouse, onLake);
    assertTrue(cache.get(onLake).isEmpty());
    assertTrue(cache.get(cache.key(SQL, Object[].class, 10)).isEmpty(), "another row count is another plan");
    assertEquals(Map.of("cached", 1L, "maxSize", 10, "hits", 1L, "misses", 2L), cache.toMap());
  }

  @Test
  void sizeZeroKeepsNothing() {
    PlanCache cache = new PlanCache(0, () -> Backend.LAKE);
    PlanCache.Key key = cache.key(SQL, Object[].class, -1);
    cache.put(key, plan());
    assertTrue(cache.get(key).isEmpty());
    assertEquals(0L, cache.toMap().get("cached"));
  }

  @Test
  void theCacheKeepsAtMostItsSize() {
    PlanCache cache = new PlanCache(3, () -> Backend.LAKE);
    for (int i = 0; i < 10; i++) {
      cache.put(cache.key("select " + i, Object[].class, -1), plan());
    }
    assertTrue((Long) cache.toMap().get("cached") <= 3, cache.toMap().toString());
    assertThrows(IllegalArgumentException.class, () -> new PlanCache(-1, () -> Backend.LAKE));
  }

  private static PlanCache.Plan plan() {
    CalciteSignature<Object> signature = new CalciteSignature<>(SQL, List.of(), Map.of(), null, List.of(),
        Meta.CursorFactory.ARRAY, null, List.of(), -1, dataContext -> Linq4j.emptyEnumerable());
    return new PlanCache.Plan(signature, RowLimit.NONE);
  }
}
