package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ClickHouse result that breaks off after rows reached the caller is not completed from the lake
 * and not returned short: the caller gets the 08006 error that says so.
 */
class IncompleteAnswerTest {
  private static final Logger LOG = LoggerFactory.getLogger(IncompleteAnswerTest.class);
  /** About 180,000 rows (20 MB): far more than the socket buffers hold, so the kill cuts the stream. */
  private static final String BIG = String.join(" union all ",
      Collections.nCopies(12, "select * from quote_outcomes"));

  @Test void killedMidStreamFailsWithTheIncompleteAnswerError() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, BIG)) {
        for (int i = 0; i < 10; i++) {
          assertTrue(rs.next());
        }
        assertEquals(Backend.CLICKHOUSE, rs.backend());
        engine.kill();
        long[] read = {10};
        SQLException e = assertThrows(SQLException.class, () -> {
          while (rs.next()) {
            read[0]++;
          }
        }, "the stream must not end as if it were complete");
        assertEquals("08006", e.getSQLState(), e::toString);
        assertTrue(e.getMessage().startsWith("ClickHouse failed after " + read[0] + " rows were sent ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("the answer would be incomplete, so it is not returned — run the query "
            + "again (it will be answered from the lake while ClickHouse is down)"), e.getMessage());
        assertTrue(read[0] < 12 * 14_923L, "read " + read[0]);
        LOG.info("the stream broke off after {} of {} rows: {}", read[0], 12 * 14_923L, e.getMessage());
      }
      assertEquals(1, failover.metrics().failuresAfterRows());
      assertEquals(0, failover.metrics().rerunsOnLake());
      // The next statement is answered from the lake.
      OutageTest.awaitState(failover, CircuitBreaker.State.OPEN, System.nanoTime());
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(0))) {
        assertEquals(List.of(List.of("14923")), Sql.rows(rs));
        assertEquals(Backend.LAKE, rs.backend());
      }
    } finally {
      engine.restart();
    }
  }
}
