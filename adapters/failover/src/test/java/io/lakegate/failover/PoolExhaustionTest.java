package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.LakegateModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * More statements than pooled ClickHouse connections is load, not an outage: a statement waits for a
 * connection, and one that waits too long is told so; neither moves traffic to the lake.
 */
class PoolExhaustionTest {
  /** Holds its pooled connection while its result set is open (Calcite's JDBC scan streams). */
  private static final String HOLDER = "select quote_id from quote_outcomes";
  private static final String COUNT = "select count(*) as n from partner_metrics";

  @Test void aStatementWaitsForTheBusyConnectionAndIsAnsweredByClickHouse() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    try (Failover failover = Failover.open(oneConnection(world, 5), world.lake);
         Connection holding = Sql.connect(failover.schema());
         Connection waiting = Sql.connect(failover.schema())) {
      FailoverResultSet held = failover.executor().executeQuery(holding, HOLDER);
      assertTrue(held.next());
      CompletableFuture<List<List<String>>> queued = CompletableFuture.supplyAsync(() -> count(failover, waiting));
      TimeUnit.MILLISECONDS.sleep(500);
      assertFalse(queued.isDone(), "the second statement waits for the only connection");
      held.close();
      List<List<String>> rows = queued.get(10, TimeUnit.SECONDS);
      assertEquals(1, rows.size());
      assertEquals(0, failover.metrics().rerunsOnLake());
      assertEquals(0, failover.metrics().answeredBy(Backend.LAKE));
      assertEquals(2, failover.metrics().answeredBy(Backend.CLICKHOUSE));
      assertTrue(failover.breaker().orElseThrow().isClosed());
    }
  }

  @Test void aStatementThatWaitsLongerThanAQueryMayRunIsToldTheGatewayIsBusy() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    try (Failover failover = Failover.open(oneConnection(world, 1), world.lake);
         Connection holding = Sql.connect(failover.schema());
         Connection waiting = Sql.connect(failover.schema());
         FailoverResultSet held = failover.executor().executeQuery(holding, HOLDER)) {
      assertTrue(held.next());
      SQLException e = assertThrows(SQLException.class, () -> {
        try (FailoverResultSet rs = failover.executor().executeQuery(waiting, COUNT)) {
          Sql.rows(rs);
        }
      });
      ClickHouseBusyException busy = find(e);
      assertEquals("53300", busy.getSQLState());
      assertTrue(busy.getMessage().contains("clickhouse.poolSize"), busy.getMessage());
      assertEquals(FailureKind.OTHER, FailureClassifier.classify(e).kind());
      assertEquals(0, failover.metrics().rerunsOnLake());
      assertEquals(0, failover.metrics().answeredBy(Backend.LAKE));
      assertTrue(failover.breaker().orElseThrow().isClosed(), "a busy pool is not an outage");
      assertEquals(Backend.CLICKHOUSE, failover.schema().route());
    }
  }

  /** The running engine as the only backend connection, waited for up to {@code seconds}. */
  private static LakegateModel oneConnection(FailoverWorld world, int seconds) throws Exception {
    String url = world.healthyEngine().jdbcUrl();
    LakegateModel model = world.model();
    ClickHouseConfig one = new ClickHouseConfig(url, FailoverWorld.USER, FailoverWorld.PASSWORD, "analytics",
        1_000, 7_000, 1, seconds, 1_000_000);
    return new LakegateModel(model.schemaName(), model.tables(), model.lake(), Optional.of(one), model.policy(),
        model.failover());
  }

  private static List<List<String>> count(Failover failover, Connection connection) {
    try (FailoverResultSet rs = failover.executor().executeQuery(connection, COUNT)) {
      return Sql.rows(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClickHouseBusyException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClickHouseBusyException busy) {
        return busy;
      }
    }
    return assertInstanceOf(ClickHouseBusyException.class, e, "no ClickHouseBusyException in the chain");
  }
}
