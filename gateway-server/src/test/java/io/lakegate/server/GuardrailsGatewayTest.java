package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The guardrails wired into the gateway, as the query log and the metrics show them: a lowered
 * limit (the warning Avatica's protocol cannot carry) is in the query's log line and counted, a
 * {@code LIMIT ?} is capped however large the parameter, and a rejection is one log line. Also what
 * the gateway's own prepare adds: a bare {@code TABLE t} is a query like any other, string literals
 * may be in any script, and planning stops at the connection's timeout.
 */
class GuardrailsGatewayTest {
  /** 1,277 x 1,277 rows: more than the maximum limit of 10,000, and streamed without reading much. */
  private static final String MANY_ROWS = "select a.tier from commission_history a, commission_history b";
  private static TestingGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new TestingGateway();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void aLoweredLimitIsInTheQueryLogLineAndTheMetrics() throws Exception {
    long loweredBefore = metrics().path("guardrails").path("rowLimit").path("lowered").asLong();
    try (QueryLogCapture log = new QueryLogCapture();
        Connection connection = DriverManager.getConnection(gateway.avaticaUrl("json"));
        Statement statement = connection.createStatement()) {
      assertEquals(10_000, count(statement.executeQuery(MANY_ROWS + " limit 20000")));
      statement.close();
      List<String> lines = log.lines();
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains(" rows=10000 ") && lines.get(0).contains(
          " outcome=ok limit=10000 limit_action=lowered limit_requested=20000 timeout_ms=5000 sql="), lines.get(0));
    }
    assertEquals(loweredBefore + 1, metrics().path("guardrails").path("rowLimit").path("lowered").asLong());
  }

  @Test
  void aParameterLimitIsCappedAtTheMaximum() throws SQLException {
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
        PreparedStatement statement = connection.prepareStatement(MANY_ROWS + " limit ?")) {
      statement.setInt(1, 50_000);
      assertEquals(10_000, count(statement.executeQuery()));
      statement.setInt(1, 3);
      assertEquals(3, count(statement.executeQuery()));
    }
  }

  @Test
  void aRejectionIsOneLogLineWithItsRule() throws Exception {
    try (QueryLogCapture log = new QueryLogCapture();
        Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> statement.executeQuery("select * from \"system\".tables"));
      assertEquals("42501", e.getSQLState());
      assertEquals(1306, e.getErrorCode());
      List<String> lines = log.lines();
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains(" outcome=error error=\"42501 guardrail ALLOWLIST: table 'system.tables' is"
          + " not in the allowlist: partner_metrics, quote_outcomes, commission_history;"), lines.get(0));
    }
    JsonNode rejected = metrics().path("guardrails").path("rejected");
    assertTrue(rejected.path("ALLOWLIST").asLong() >= 1, rejected.toString());
  }

  /** Regression: a top-level TABLE t failed inside Calcite 1.42 (an internal error for the caller). */
  @Test
  void aBareTableIsSelectStarWithTheDefaultLimit() throws SQLException {
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      assertEquals(100, count(statement.executeQuery("TABLE partner_metrics")));
      assertEquals(5, count(statement.executeQuery("table quote_outcomes order by quote_id limit 5")));
      try (ResultSet plan = statement.executeQuery("explain plan for table partner_metrics")) {
        assertTrue(plan.next() && plan.getString(1).startsWith("EnumerableLimit(fetch=[100])"), "the plan is limited");
      }
    }
  }

  /** Regression: Calcite's default character set, ISO-8859-1, refused every literal outside Latin-1. */
  @Test
  void stringLiteralsMayBeInAnyScript() throws SQLException {
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("json"));
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("select '日本語 € 🦆' as s, char_length('東京') as n")) {
        assertTrue(rs.next());
        assertEquals("日本語 € 🦆", rs.getString(1));
        assertEquals(2, rs.getInt(2));
      }
      try (ResultSet rs = statement.executeQuery(
          "select count(*) from partner_metrics where network in ('東京', 'ñandú') or network = U&'\\6771'")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
    }
  }

  @Test
  void planningLongerThanTheTimeoutIsStoppedAndRefused() throws Exception {
    long timeoutsBefore = metrics().path("guardrails").path("rejected").path("TIMEOUT").asLong();
    // 140 UNION branches: Calcite's planner explores it for minutes (measured), well within the size limits.
    StringBuilder sql = new StringBuilder("select partner_id from partner_metrics where partner_id = 0");
    for (int i = 1; i < 140; i++) {
      sql.append(" union select partner_id from partner_metrics where partner_id = ").append(i);
    }
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("lakegate.timeout_ms", "1000");
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"), properties);
        Statement statement = connection.createStatement()) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> statement.executeQuery(sql.toString()));
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertEquals(1308, e.getErrorCode());
      assertTrue(e.getMessage().contains("guardrail TIMEOUT: planning the query took longer than its 1000 ms timeout"
          + " and was stopped; simplify it"), e.getMessage());
      assertEquals(1, count(statement.executeQuery("select count(*) from commission_history")), "still usable");
    }
    long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertTrue(seconds < 30, "refused after " + seconds + " s");
    assertEquals(timeoutsBefore + 1, metrics().path("guardrails").path("rejected").path("TIMEOUT").asLong());
  }

  private static int count(ResultSet rows) throws SQLException {
    int n = 0;
    while (rows.next()) {
      n++;
    }
    rows.close();
    return n;
  }

  private static JsonNode metrics() throws Exception {
    return new ObjectMapper().readTree(gateway.get("/metrics").body());
  }
}
