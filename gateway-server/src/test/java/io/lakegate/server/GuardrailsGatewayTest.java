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
 * {@code LIMIT ?} is capped however large the parameter, and a rejection is one log line.
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
