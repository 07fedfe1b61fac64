package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The settings every pushed-down query carries arrive at ClickHouse with it (read from the
 * engine's statement log), and ClickHouse enforces them: the result-size limit and the time limit
 * fail the query, and the read-only profile of the user rejects writes.
 */
class SessionSettingsTest {
  @Test void everyPushedDownQueryCarriesTheSessionSettings() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    long before = PushdownEquivalenceTest.lastSeq(fixture);
    QueryResult result = QueryResult.run(fixture.clickhouse,
        "SELECT network, COUNT(*) AS n FROM commission_history GROUP BY network");
    StatementRecord statement = fixture.engine.statements().stream()
        .filter(s -> s.seq() > before && s.sql().equals(result.pushedSql()))
        .findFirst().orElseThrow();
    Map<String, String> expected = SessionSettings.of(fixture.backend.config(), fixture.model.policy()).settings();
    expected.forEach((name, value) -> assertEquals(value, statement.settings().get(name), "setting " + name));
    assertEquals(Map.ofEntries(
        Map.entry("max_execution_time", "5"),
        Map.entry("max_result_rows", "1000000"),
        Map.entry("result_overflow_mode", "throw"),
        Map.entry("join_use_nulls", "1"),
        Map.entry("aggregate_functions_null_for_empty", "1"),
        Map.entry("session_timezone", "UTC"),
        Map.entry("union_default_mode", "DISTINCT"),
        Map.entry("intersect_default_mode", "DISTINCT"),
        Map.entry("except_default_mode", "DISTINCT"),
        Map.entry("count_distinct_implementation", "uniqExact"),
        Map.entry("prefer_column_name_to_alias", "1"),
        Map.entry("allow_experimental_join_condition", "1"),
        Map.entry("input_format_parquet_allow_missing_columns", "0"),
        Map.entry("input_format_null_as_default", "0")), expected);
    assertEquals(ClickHouseFixture.USER, statement.user());
  }

  @Test void thePolicyTimeoutLowersTheTimeLimit() {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    io.lakegate.catalog.PolicyConfig defaults = fixture.model.policy();
    io.lakegate.catalog.PolicyConfig strict = new io.lakegate.catalog.PolicyConfig(defaults.tables(),
        defaults.defaultRowLimit(), defaults.maxRowLimit(), 1_500, defaults.maxStatementLength(), defaults.allowExplain());
    assertEquals("2", SessionSettings.of(fixture.backend.config(), strict).settings().get("max_execution_time"));
    assertEquals("5", SessionSettings.of(fixture.backend.config(), defaults).settings().get("max_execution_time"));
  }

  @Test void theSettingsAreInForceInClickHouse() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    try (Connection connection = fixture.backend.dataSource().getConnection();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT name, value FROM system.settings WHERE name IN"
             + " ('join_use_nulls', 'session_timezone', 'readonly', 'max_execution_time') ORDER BY name")) {
      StringBuilder settings = new StringBuilder();
      while (rs.next()) {
        settings.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
      }
      assertEquals("join_use_nulls=1 max_execution_time=5 readonly=2 session_timezone=UTC ", settings.toString());
    }
  }

  @Test void resultsLargerThanTheLimitFail() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    ClickHouseConfig small = new ClickHouseConfig(fixture.engine.jdbcUrl(), ClickHouseFixture.USER,
        ClickHouseFixture.PASSWORD, "analytics", 1_000, 7_000, 1, 5, 10);
    try (ClickHouseBackend backend = ClickHouseBackend.open(fixture.model, small);
         Connection calcite = ClickHouseFixture.connect(parent -> backend.createSchema(parent, "analytics"))) {
      assertEquals(5, QueryResult.run(calcite, "SELECT network FROM commission_history GROUP BY network").rows().size());
      // the limit is on the result: the subqueries of a pushed-down join may be larger
      assertEquals(5, QueryResult.run(calcite, "SELECT q.network, COUNT(*) AS n FROM quote_outcomes q"
          + " JOIN commission_history c ON q.partner_id = c.partner_id AND q.network = c.network"
          + " GROUP BY q.network").rows().size());
      SQLException e = assertThrows(SQLException.class,
          () -> QueryResult.run(calcite, "SELECT quote_id FROM quote_outcomes WHERE \"date\" = DATE '2025-08-01'"));
      assertTrue(messages(e).contains("TOO_MANY_ROWS_OR_BYTES"), messages(e));
    }
  }

  @Test void queriesLongerThanTheTimeLimitFail() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    ClickHouseConfig quick = new ClickHouseConfig(fixture.engine.jdbcUrl(), ClickHouseFixture.USER,
        ClickHouseFixture.PASSWORD, "analytics", 1_000, 4_000, 1, 1, 1_000_000);
    try (ClickHouseBackend backend = ClickHouseBackend.open(fixture.model, quick);
         Connection connection = backend.dataSource().getConnection();
         Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT count() FROM system.numbers"));
      assertTrue(messages(e).contains("Code: 159") && messages(e).contains("TIMEOUT_EXCEEDED"), messages(e));
      assertTrue(System.nanoTime() - start < 3_000_000_000L, "ClickHouse stopped the query itself");
    }
  }

  @Test void theUserCannotWrite() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    try (Connection connection = fixture.backend.dataSource().getConnection();
         Statement statement = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> statement.execute("CREATE TABLE analytics.x (a Int32) ENGINE = Memory"));
      assertEquals(164, e.getErrorCode(), messages(e));
    }
  }

  static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
