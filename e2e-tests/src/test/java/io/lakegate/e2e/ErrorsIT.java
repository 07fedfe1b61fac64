package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad queries get a clear SQL error, the connection and the server keep serving. */
@ExtendWith(SharedGateway.class)
class ErrorsIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "select nope from partner_metrics | Column 'nope' not found",
      "select * from no_such_table | no_such_table",
      "selec count(*) from partner_metrics | selec",
      "select count(*) from partner_metrics where date = date '2026-01-01' | date",
      "select sum(network) from quote_outcomes | invalid number",
  })
  void badQueryIsAClearErrorAndTheConnectionKeepsWorking(String sql, String mentioned, LakegateFixture gateway)
      throws SQLException {
    try (Connection c = gateway.connect()) {
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, sql));
      assertNotNull(e.getSQLState(), "an SQLSTATE for " + sql);
      assertTrue(e.getMessage().contains(mentioned), "message names the problem: " + e.getMessage());
      assertFalse(e.getMessage().contains("\tat "), "no stack frames in: " + e.getMessage());
      assertFalse(e.getMessage().contains("org.apache.calcite"), "no internals in: " + e.getMessage());
      assertEquals(gateway.lake().commissionHistory().count(), Sql.single(c, "select count(*) from commission_history"));
    }
  }

  @Test void writesAreRejected(LakegateFixture gateway) throws SQLException {
    try (Connection c = gateway.connect()) {
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().executeUpdate("delete from partner_metrics"));
      assertNotNull(e.getSQLState());
      assertEquals(gateway.lake().partnerMetrics().count(), Sql.single(c, "select count(*) from partner_metrics"));
    }
  }

  @Test void runtimeErrorDoesNotStopTheServer(LakegateFixture gateway) throws SQLException {
    try (Connection c = gateway.connect()) {
      SQLException e = assertThrows(SQLException.class,
          () -> Sql.rows(c, "select quote_id / (response_ms - response_ms) from quote_outcomes where \"date\" = date '2026-01-02'"));
      assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }
    try (Connection c = gateway.connect("json")) {
      assertEquals(gateway.lake().quoteOutcomes(java.time.LocalDate.of(2026, 1, 2)).count(),
          Sql.single(c, "select count(*) from quote_outcomes where \"date\" = date '2026-01-02'"));
    }
  }
}
