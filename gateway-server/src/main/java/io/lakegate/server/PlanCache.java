package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.RowLimit;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.jdbc.CalciteSchema;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * The statements the gateway has planned, shared by all its connections: a statement prepared again
 * with the same text (agents repeat their questions; JDBC tools prepare, then execute) skips the
 * guardrails' statement check and all of Calcite's work (parse, validate, optimize, generate and
 * compile code), which is nearly all of a pushed-down query's overhead.
 *
 * <p>A plan depends on the text, on the backend its tables were bound to while it was planned, and
 * on what Calcite was asked to produce (row class, row count); those are the key. Everything else a
 * plan depends on is fixed while the gateway runs: the guardrail policy, the connections' properties
 * and the schema (tables, their lake partitions and the ClickHouse pool are resolved when a plan
 * executes, not when it is planned). The connection's timeout is not part of a plan: what is cached
 * is the plan before the guardrails put it under a deadline, and each prepare puts it under its own
 * connection's. Only statements that prepared successfully are kept; a rejected one is checked again
 * every time, so its error and the rejection counters stay the same.
 */
final class PlanCache {
  /** Plans kept when the server's configuration does not say: far more than an agent's working set. */
  static final int DEFAULT_SIZE = 1000;

  private final int maxSize;
  private final Supplier<?> backend;
  private final Cache<Key, Plan> plans;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param maxSize plans kept (least recently used go first); 0 turns the cache off
   * @param backend the backend statements prepared on the calling thread are planned for now
   */
  PlanCache(int maxSize, Supplier<?> backend) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("plan cache size must be 0 (off) or more, got " + maxSize);
    }
    this.maxSize = maxSize;
    this.backend = requireNonNull(backend, "backend");
    this.plans = CacheBuilder.newBuilder().maximumSize(maxSize).build();
  }

  /** What identifies a plan: see the class comment. */
  record Key(String sql, Object backend, Type elementType, long maxRowCount) {
    Key {
      requireNonNull(sql, "sql");
      requireNonNull(backend, "backend");
      requireNonNull(elementType, "elementType");
    }
  }

  /**
   * A statement as planned: Calcite's signature before the guardrails put it under a deadline, and
   * the row limit their rewrite added or capped ({@link RowLimit#NONE} for EXPLAIN).
   */
  record Plan(CalciteSignature<?> signature, RowLimit rowLimit) {
    Plan {
      requireNonNull(signature, "signature");
      requireNonNull(rowLimit, "rowLimit");
    }

    /**
     * The cached signature for a connection with root schema {@code rootSchema}: Calcite builds each
     * execution's data context from the signature's root schema, which must be the executing
     * connection's. The signature's own row count still applies, once, inside its enumerable.
     */
    <T> CalciteSignature<T> signatureFor(CalciteSchema rootSchema) {
      @SuppressWarnings("unchecked") // the element type is part of the key
      CalciteSignature<T> planned = (CalciteSignature<T>) signature;
      if (planned.rootSchema == rootSchema) {
        return planned;
      }
      return new CalciteSignature<>(planned.sql, planned.parameters, planned.internalParameters, planned.rowType,
          planned.columns, planned.cursorFactory, rootSchema, planned.getCollationList(), -1, planned::enumerable,
          planned.statementType);
    }
  }

  /** The key of {@code sql} prepared now on the calling thread. */
  Key key(String sql, Type elementType, long maxRowCount) {
    return new Key(sql, backend.get(), elementType, maxRowCount);
  }

  /** The plan of {@code key} if it is cached; counts a hit or a miss. */
  Optional<Plan> get(Key key) {
    if (maxSize == 0) {
      return Optional.empty();
    }
    Plan plan = plans.getIfPresent(key);
    (plan == null ? misses : hits).increment();
    return Optional.ofNullable(plan);
  }

  void put(Key key, Plan plan) {
    if (maxSize > 0) {
      plans.put(requireNonNull(key, "key"), requireNonNull(plan, "plan"));
    }
  }

  /** For {@code GET /metrics}: the size, the bound, and hits and misses since start. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cached", plans.size());
    map.put("maxSize", maxSize);
    map.put("hits", hits.sum());
    map.put("misses", misses.sum());
    return map;
  }
}
