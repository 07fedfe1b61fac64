package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plan cache as callers meet it: a statement sent again, on any connection, is answered without
 * Calcite parsing it again (the gateway runs in this JVM, so Calcite's parse hook sees every parse),
 * with the same rows, under the timeout of the connection that sends it and with the guardrails' row
 * limit; statements the guardrails reject are checked every time.
 */
class PlanCacheGatewayTest {
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
  void aStatementSentAgainOnAnotherConnectionIsNotPlannedAgain() throws Exception {
    String sql = "select network, count(*) as n from quote_outcomes group by network order by network";
    JsonNode before = planCache();
    AtomicInteger parses = new AtomicInteger();
    List<List<String>> answers = new ArrayList<>();
    try (Hook.Closeable hook = Hook.PARSE_TREE.add((Consumer<Object>) tree -> parses.incrementAndGet())) {
      for (String serialization : List.of("json", "protobuf", "json")) {
        try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl(serialization));
            Statement statement = connection.createStatement()) {
          answers.add(rows(statement.executeQuery(sql)));
        }
      }
    }
    assertEquals(1, parses.get(), "parsed once, then taken from the cache");
    assertEquals(answers.get(0), answers.get(1));
    assertEquals(answers.get(0), answers.get(2));
    assertEquals(5, answers.get(0).size(), answers.get(0).toString());
    JsonNode after = planCache();
    assertEquals(before.path("misses").asLong() + 1, after.path("misses").asLong());
    assertEquals(before.path("hits").asLong() + 2, after.path("hits").asLong());
    assertEquals(before.path("cached").asLong() + 1, after.path("cached").asLong());
    assertEquals(PlanCache.DEFAULT_SIZE, after.path("maxSize").asInt());
  }

  @Test
  void aCachedPlanRunsUnderTheTimeoutAndRowLimitOfTheConnectionThatSendsIt() throws Exception {
    String sql = "select a.tier from commission_history a, commission_history b";
    Properties shorter = new Properties();
    shorter.setProperty("lakegate.timeout_ms", "1500");
    try (QueryLogCapture log = new QueryLogCapture()) {
      try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
          Statement statement = connection.createStatement()) {
        assertEquals(100, rows(statement.executeQuery(sql)).size());
      }
      try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"), shorter);
          Statement statement = connection.createStatement()) {
        assertEquals(100, rows(statement.executeQuery(sql)).size());
      }
      List<String> lines = log.lines();
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains(" limit=100 limit_action=added timeout_ms=5000 "), lines.get(0));
      assertTrue(lines.get(1).contains(" limit=100 limit_action=added timeout_ms=1500 "), lines.get(1));
    }
  }

  @Test
  void aCachedPlanTakesNewParameterValuesOnEveryConnection() throws SQLException {
    String sql = "select count(*) from quote_outcomes where partner_id = ?";
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    for (List<Long> counts : List.of(first, second)) {
      try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
          PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int partner = 1; partner <= 3; partner++) {
          statement.setInt(1, partner);
          counts.add(Long.valueOf(rows(statement.executeQuery()).get(0)));
        }
      }
    }
    assertEquals(first, second);
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("json"));
        Statement statement = connection.createStatement()) {
      for (int partner = 1; partner <= 3; partner++) {
        long expected = Long.parseLong(rows(statement.executeQuery(
            "select count(*) from quote_outcomes where partner_id = " + partner)).get(0));
        assertEquals(expected, first.get(partner - 1), "partner " + partner);
      }
    }
  }

  @Test
  void aRejectedStatementIsCheckedAgainEveryTime() throws Exception {
    String sql = "select * from \"system\".\"tables\"";
    long rejectedBefore = metrics().path("guardrails").path("rejected").path("ALLOWLIST").asLong();
    long cachedBefore = planCache().path("cached").asLong();
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      for (int i = 0; i < 2; i++) {
        SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery(sql));
        assertEquals("42501", e.getSQLState(), e.getMessage());
      }
    }
    assertEquals(rejectedBefore + 2, metrics().path("guardrails").path("rejected").path("ALLOWLIST").asLong());
    assertEquals(cachedBefore, planCache().path("cached").asLong());
  }

  /** Every row as its columns' strings joined by commas. */
  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        row.append(i > 1 ? "," : "").append(rs.getString(i));
      }
      rows.add(row.toString());
    }
    rs.close();
    return rows;
  }

  private static JsonNode planCache() throws Exception {
    return metrics().path("planCache");
  }

  private static JsonNode metrics() throws Exception {
    return new ObjectMapper().readTree(gateway.get("/metrics").body());
  }
}
