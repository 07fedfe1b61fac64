package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A statement ClickHouse rejects is the caller's error: not retried on the lake, and the breaker stays closed. */
class QueryErrorTest {
  @Test void clickHouseRejectingTheStatementIsNotRetriedOnTheLake() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    world.healthyEngine();
    try (Failover failover = Failover.open(world.model(), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      // Calcite accepts the cast; ClickHouse cannot parse 'direct' as a number (code 6).
      String sql = "select cast(network as integer) as n from partner_metrics where network = 'direct'";
      long before = RoutingTest.lastSeq(world);
      SQLException e = assertThrows(SQLException.class, () -> {
        try (FailoverResultSet rs = failover.executor().executeQuery(connection, sql)) {
          Sql.rows(rs);
        }
      });
      Failure failure = FailureClassifier.classify(e);
      assertEquals(Failure.queryError("ClickHouse error 6"), failure, e::toString);
      List<StatementRecord> sent = RoutingTest.statementsAfter(world, before);
      assertEquals(1, sent.size(), () -> "sent once, not retried: " + sent);
      assertEquals(6, sent.get(0).errorCode());
      assertEquals(0, failover.metrics().rerunsOnLake());
      assertEquals(0, failover.metrics().answeredBy(Backend.LAKE));
      assertEquals(1, failover.metrics().clickhouseQueryErrors());
      assertTrue(failover.breaker().orElseThrow().isClosed());
    }
  }
}
