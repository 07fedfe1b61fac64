package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * After ClickHouse restarts, the query pool's idle connections still hold keep-alive sockets to the
 * server that went away. The breaker drops them as it closes, so the first statements after recovery are
 * answered by ClickHouse on new connections instead of failing "without a response" on a stale socket and
 * being re-run on the lake.
 */
@SuppressWarnings("try") // backend bindings are read by the planner, not in their blocks
class StaleConnectionsTest {
  @Test void firstStatementOnEachPooledConnectionAfterARestartIsAnsweredByClickHouse() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      List<List<List<String>>> expected = new ArrayList<>();
      try (BackendChoice lakeOnly = failover.schema().bind(Backend.LAKE)) {
        for (String sql : Sql.QUERIES) {
          expected.add(Sql.query(connection, sql));
        }
      }
      int poolSize = failover.clickhousePool().orElseThrow().max();
      useEveryPooledConnection(failover, connection, expected, poolSize);
      assertEquals(poolSize, failover.clickhousePool().orElseThrow().idle(), "every connection is pooled");

      engine.kill();
      OutageTest.awaitState(failover, CircuitBreaker.State.OPEN, System.nanoTime());
      // No statement went to ClickHouse meanwhile: the pooled connections still hold the old sockets.
      assertEquals(poolSize, failover.clickhousePool().orElseThrow().idle());

      engine.restart();
      OutageTest.awaitState(failover, CircuitBreaker.State.CLOSED, System.nanoTime());
      PoolUsage recovered = failover.clickhousePool().orElseThrow();
      assertEquals(new PoolUsage(0, 0, poolSize), recovered, "the idle connections were dropped on recovery");

      long rerunsBefore = failover.metrics().rerunsOnLake();
      long lakeBefore = failover.metrics().answeredBy(Backend.LAKE);
      useEveryPooledConnection(failover, connection, expected, poolSize);
      assertEquals(rerunsBefore, failover.metrics().rerunsOnLake(), () -> failover.metrics().toMap().toString());
      assertEquals(lakeBefore, failover.metrics().answeredBy(Backend.LAKE));
    }
  }

  /**
   * Runs {@code poolSize} statements with their results open together, so that each borrows its own pooled
   * connection; every one must be answered by ClickHouse with the lake's rows.
   */
  private static void useEveryPooledConnection(Failover failover, Connection connection,
      List<List<List<String>>> expected, int poolSize) throws SQLException {
    List<FailoverResultSet> open = new ArrayList<>();
    try {
      for (int i = 0; i < poolSize; i++) {
        open.add(failover.executor().executeQuery(connection, Sql.QUERIES.get(i % Sql.QUERIES.size())));
      }
      assertEquals(poolSize, failover.clickhousePool().orElseThrow().active(), "one connection per open result");
      for (int i = 0; i < poolSize; i++) {
        FailoverResultSet rs = open.get(i);
        int query = i % Sql.QUERIES.size();
        assertEquals(Backend.CLICKHOUSE, rs.backend(), () -> "statement " + query + " went to the lake: "
            + rs.lakeReason().orElse(""));
        assertTrue(rs.lakeReason().isEmpty());
        assertEquals(expected.get(query), Sql.rows(rs), Sql.QUERIES.get(query));
      }
    } finally {
      for (FailoverResultSet rs : open) {
        rs.close();
      }
    }
  }
}
