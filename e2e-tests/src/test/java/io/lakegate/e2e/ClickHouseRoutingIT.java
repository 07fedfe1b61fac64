package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ClickHouse gateway of the e2e run really answers from ClickHouse, as one statement a query. */
@ExtendWith(SharedClickHouseGateway.class)
class ClickHouseRoutingIT {

  @Test
  void aCountIsAnsweredByClickHouseAsOneStatementWithTheSameRowsAsTheLake(ClickHouseGateway clickhouse,
      LakegateFixture lake) throws SQLException {
    String sql = "select network, count(*) as n from quote_outcomes group by network order by network";
    long before = clickhouse.lastStatement();
    List<List<Object>> fromClickHouse;
    try (Connection c = clickhouse.connect()) {
      fromClickHouse = Sql.rows(c, sql);
    }
    List<StatementRecord> received = clickhouse.queriesAfter(before);
    assertEquals(1, received.size(), "statements ClickHouse received: " + received);
    assertEquals("ok", received.get(0).outcome(), received.get(0).toString());
    assertTrue(received.get(0).sql().contains("quote_outcomes"), received.get(0).sql());
    try (Connection c = lake.connect()) {
      assertEquals(Sql.rows(c, sql), fromClickHouse);
    }
  }
}
