package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.failover.Backend;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;
import io.lakegate.testing.clickhouse.StatementRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway with a real ClickHouse (the test engine running the project's {@code ddl/nfs} over the
 * test lake): a query is answered by ClickHouse, by the lake with the same rows once the engine is
 * killed, and by ClickHouse again after it restarts.
 */
class FailoverGatewayTest {
  private static final Path DIR = Path.of("target", "failover-gateway").toAbsolutePath();
  private static final String SQL = "select network, count(*) as n, sum(quotes_won) as won from partner_metrics"
      + " group by network order by network";
  private static final long RECOVERY_MS = 20_000;

  private static ClickHouseTestEngine engine;
  private static GatewayServer server;

  @BeforeAll
  static void start() throws IOException {
    engine = TestClickHouse.startEngine(DIR);
    Path model = TestClickHouse.model(DIR, engine.jdbcUrl(), operand -> { });
    server = new GatewayServer(new ServerConfig(model, "127.0.0.1", 0, false, false)).start();
  }

  @AfterAll
  static void stop() throws IOException {
    TestClickHouse.stop(server, engine);
  }

  @Test void aQueryIsAnsweredByClickHouseThenByTheLakeWhileItIsDeadThenByClickHouseAgain() throws Exception {
    try (QueryLogCapture log = new QueryLogCapture()) {
      long before = engine.statements().size();
      List<List<String>> fromClickHouse = rows(SQL);
      assertFalse(fromClickHouse.isEmpty());
      List<StatementRecord> received = engine.statements().subList((int) before, engine.statements().size());
      assertTrue(received.stream().anyMatch(s -> s.sql().contains("partner_metrics") && "ok".equals(s.outcome())),
          "the engine ran the query: " + received);
      assertTrue(lastLine(log).contains("backend=clickhouse"), lastLine(log));

      engine.kill();
      List<List<String>> fromLake = rows(SQL);
      assertEquals(fromClickHouse, fromLake, "the lake answers with the same rows");
      assertTrue(lastLine(log).contains("backend=lake"), lastLine(log));
      assertTrue(lastLine(log).contains("failover=\"clickhouse"), lastLine(log));
      assertTrue(server.failover().metrics().answeredBy(Backend.LAKE) >= 1);
      String metrics = get("/metrics");
      assertTrue(metrics.contains("\"failover\""), metrics);

      engine.restart();
      long deadline = System.currentTimeMillis() + RECOVERY_MS;
      while (server.failover().schema().route() != Backend.CLICKHOUSE && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(Backend.CLICKHOUSE, server.failover().schema().route(), get("/health"));
      assertTrue(get("/health").contains("\"state\":\"CLOSED\""), get("/health"));
      // A pooled connection may hold a stale socket after the restart: that statement is re-run on the lake.
      List<List<String>> again = rows(SQL);
      if (!lastLine(log).contains("backend=clickhouse")) {
        again = rows(SQL);
      }
      assertEquals(fromClickHouse, again);
      assertTrue(lastLine(log).contains("backend=clickhouse"), lastLine(log));
    }
  }

  @Test void aStatementPreparedOnClickHouseIsPreparedAgainOnTheLakeWhenClickHouseDies() throws Exception {
    awaitClickHouse();
    String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + server.port() + ";serialization=protobuf";
    try (QueryLogCapture log = new QueryLogCapture();
         Connection connection = DriverManager.getConnection(url);
         PreparedStatement statement = connection.prepareStatement(SQL)) {
      List<List<String>> fromClickHouse = rows(statement.executeQuery());
      assertTrue(lastLine(log).contains("backend=clickhouse"), lastLine(log));
      engine.kill();
      List<List<String>> fromLake = rows(statement.executeQuery());
      assertEquals(fromClickHouse, fromLake);
      assertTrue(lastLine(log).contains("backend=lake"), lastLine(log));
    } finally {
      engine.restart();
      awaitClickHouse();
    }
  }

  private static void awaitClickHouse() throws InterruptedException {
    long deadline = System.currentTimeMillis() + RECOVERY_MS;
    while (server.failover().schema().route() != Backend.CLICKHOUSE && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(Backend.CLICKHOUSE, server.failover().schema().route(), "ClickHouse is back");
  }

    @Test void theJsonAnswerNamesTheBackendInAHeader() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    String connection = "c-" + System.nanoTime();
    post(http, mapper.writeValueAsString(Map.of("request", "openConnection", "connectionId", connection)));
    String statement = post(http, mapper.writeValueAsString(Map.of("request", "createStatement",
        "connectionId", connection))).body();
    int statementId = mapper.readTree(statement).path("statementId").asInt();
    HttpResponse<String> answer = post(http, mapper.writeValueAsString(Map.of("request", "prepareAndExecute",
        "connectionId", connection, "statementId", statementId, "sql", SQL, "maxRowCount", -1)));
    if (answer.headers().firstValue(GatewayHandler.FAILOVER_HEADER).orElse("").contains("without a response")) {
      // A pooled connection may hold a stale socket after a restart: that statement was re-run on the lake.
      answer = post(http, mapper.writeValueAsString(Map.of("request", "prepareAndExecute",
          "connectionId", connection, "statementId", statementId, "sql", SQL, "maxRowCount", -1)));
    }
    assertEquals(200, answer.statusCode(), answer.body());
    String expected = server.failover().schema().route().id();
    assertEquals(expected, answer.headers().firstValue(GatewayHandler.BACKEND_HEADER).orElse("none"));
    post(http, mapper.writeValueAsString(Map.of("request", "closeConnection", "connectionId", connection)));
  }

  private static List<List<String>> rows(String sql) throws SQLException {
    String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + server.port() + ";serialization=protobuf";
    try (Connection connection = DriverManager.getConnection(url);
         Statement statement = connection.createStatement()) {
      return rows(statement.executeQuery(sql));
    }
  }

  private static List<List<String>> rows(ResultSet result) throws SQLException {
    try (ResultSet rs = result) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static String lastLine(QueryLogCapture log) {
    List<String> lines = log.lines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static String get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static HttpResponse<String> post(HttpClient http, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
