package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.failover.Backend;
import io.lakegate.failover.CircuitBreaker;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a caller of the gateway sees when ClickHouse is lost while one of its statements is open, on the
 * real engine: a result broken off after rows were sent is the 08006 error, never a short answer that
 * looks complete; fetch responses name the backend; and no ClickHouse connection stays borrowed from the
 * pool after a failover re-plans or closes a statement whose ClickHouse result was cut off.
 */
class ClickHouseLostGatewayTest {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseLostGatewayTest.class);
  private static final Path DIR = Path.of("target", "clickhouse-lost").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Every pair of quotes of the same day with a few of their columns: one ClickHouse statement (join and
   * aggregate pushed down) whose answer, about 93,000 rows and 14 MB, is far larger than what can be buffered
   * between ClickHouse and the gateway (see {@link #RECEIVE_BUFFER_BYTES}), so rows still to come must be read
   * from ClickHouse when it is lost.
   */
  private static final String BIG = "select q.quote_id, r.quote_id as other_id, count(*) as n,"
      + " min(q.customer_id) as customer, min(r.customer_id) as other_customer, min(q.network) as network,"
      + " min(r.network) as other_network, min(q.product) as product, min(r.product) as other_product,"
      + " min(q.outcome) as outcome, min(r.outcome) as other_outcome, min(q.risk_score) as risk,"
      + " min(r.risk_score) as other_risk, min(q.quoted_at) as quoted_at, min(r.quoted_at) as other_quoted_at,"
      + " min(q.list_premium) as premium, min(r.list_premium) as other_premium"
      + " from quote_outcomes q join quote_outcomes r on q.\"date\" = r.\"date\""
      + " group by q.quote_id, r.quote_id limit 900000";
  private static final String BIG_COUNT = "select count(*) from quote_outcomes q join quote_outcomes r"
      + " on q.\"date\" = r.\"date\"";
  /** More rows than one frame and than Avatica's first frame, small enough for the lake to answer at once. */
  private static final String MEDIUM = "select quote_id, network, product, list_premium from quote_outcomes"
      + " order by quote_id limit 3000";
  /** Rows per fetch: small next to the result, large enough to read through the buffered part quickly. */
  private static final int FRAME = 1000;
  /** model.json's {@code clickhouse.poolSize}. */
  private static final int POOL_SIZE = 4;
  /**
   * The gateway's receive buffer for ClickHouse responses (clickhouse-jdbc's {@code socket_rcvbuf}): fixed, so
   * that Linux does not grow it (up to {@code net.ipv4.tcp_rmem}'s maximum, 32 MiB here) and all that can wait
   * between ClickHouse and the gateway is ClickHouse's send buffer (at most {@code net.ipv4.tcp_wmem}'s 4 MiB),
   * this buffer and the driver's current 1 MiB block.
   */
  private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
  private static final long RECOVERY_MS = 20_000;
  private static final Pattern SENT = Pattern.compile("ClickHouse failed after (\\d+) rows were sent \\(");

  private static ClickHouseTestEngine engine;
  private static GatewayServer server;
  private static long bigRows;

  @BeforeAll
  static void start() throws Exception {
    engine = TestClickHouse.startEngine(DIR);
    server = new GatewayServer(new ServerConfig(TestClickHouse.model(DIR, engine.jdbcUrl() + "?socket_rcvbuf=" + RECEIVE_BUFFER_BYTES,
            // Room to read the big result; the timeout is not what these tests are about.
            operand -> ((ObjectNode) operand.path("policy")).put("maxRowLimit", 1_000_000).put("queryTimeoutMs", 30_000)),
        "127.0.0.1", 0, false, false)).start();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(BIG_COUNT)) {
      assertTrue(rs.next());
      bigRows = rs.getLong(1);
    }
    assertTrue(bigRows > 50_000, "the big result has " + bigRows + " rows");
  }

  @AfterAll
  static void stop() throws IOException {
    TestClickHouse.stop(server, engine);
  }

  @Test void aResultCutOffByAKilledClickHouseBetweenFetchesIsTheIncompleteAnswerError() throws Exception {
    awaitClickHouse();
    try (QueryLogCapture log = new QueryLogCapture()) {
      long[] read = {0};
      ClientError e;
      try (Connection c = connect(); Statement s = c.createStatement()) {
        s.setFetchSize(FRAME);
        ResultSet rs = s.executeQuery(BIG);
        readRows(rs, FRAME + FRAME / 2, read);
        engine.kill();
        awaitBreaker(CircuitBreaker.State.OPEN);
        e = ClientError.of(assertThrows(Exception.class, () -> readRows(rs, Long.MAX_VALUE, read),
            "the result must not end as if it were complete"));
      }
      assertIncomplete(e, read[0]);
      assertTrue(lastLine(log).contains("backend=clickhouse"), lastLine(log));
      assertTrue(lastLine(log).contains("outcome=error"), lastLine(log));
      assertTrue(lastLine(log).contains("error=\"08006 ClickHouse failed after"), lastLine(log));
    } finally {
      engine.restart();
    }
  }

  @Test void aResultCutOffByAHungClickHouseBetweenFetchesIsTheIncompleteAnswerError() throws Exception {
    awaitClickHouse();
    long[] read = {0};
    ClientError e;
    long pausedAt;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setFetchSize(FRAME);
      ResultSet rs = s.executeQuery(BIG);
      readRows(rs, FRAME + FRAME / 2, read);
      engine.pause();
      pausedAt = System.nanoTime();
      // No waiting here: the fetches hang on ClickHouse until the breaker's health check gives it up.
      e = ClientError.of(assertThrows(Exception.class, () -> readRows(rs, Long.MAX_VALUE, read),
          "the result must not end as if it were complete"));
    } finally {
      engine.resume();
    }
    LOG.info("paused between fetches: the incomplete-answer error came {} ms after the pause",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt));
    assertIncomplete(e, read[0]);
  }

  @Test void fetchResponsesNameTheBackendOfTheirStatement() throws Exception {
    awaitClickHouse();
    useEveryPooledConnection();
    HttpClient http = HttpClient.newHttpClient();
    String connection = "fetch-header-" + System.nanoTime();
    post(http, Map.of("request", "openConnection", "connectionId", connection));
    try {
      assertFrameHeaders(http, connection, "clickhouse");
      engine.kill();
      awaitBreaker(CircuitBreaker.State.OPEN);
      assertFrameHeaders(http, connection, "lake");
    } finally {
      post(http, Map.of("request", "closeConnection", "connectionId", connection));
      engine.restart();
    }
  }

  /** An execute and then a fetch of the same statement, each response naming {@code backend}. */
  private static void assertFrameHeaders(HttpClient http, String connection, String backend) throws Exception {
    int statement = JSON.readTree(post(http, Map.of("request", "createStatement", "connectionId", connection))
        .body()).path("statementId").asInt();
    HttpResponse<String> executed = post(http, Map.of("request", "prepareAndExecute", "connectionId", connection,
        "statementId", statement, "sql", MEDIUM, "maxRowCount", -1, "maxRowsInFirstFrame", 5));
    assertEquals(200, executed.statusCode(), executed.body());
    assertEquals(backend, executed.headers().firstValue(GatewayHandler.BACKEND_HEADER).orElse("none"));
    HttpResponse<String> fetched = post(http, Map.of("request", "fetch", "connectionId", connection,
        "statementId", statement, "offset", 5, "fetchMaxRowCount", 5));
    assertEquals(200, fetched.statusCode(), fetched.body());
    assertEquals(5, JSON.readTree(fetched.body()).path("frame").path("rows").size(), fetched.body());
    assertEquals(backend, fetched.headers().firstValue(GatewayHandler.BACKEND_HEADER).orElse("none"),
        "the fetch response names the backend of its statement");
    assertEquals(backend.equals("lake"), fetched.headers().firstValue(GatewayHandler.FAILOVER_HEADER).isPresent(),
        fetched.headers().map().toString());
    post(http, Map.of("request", "closeStatement", "connectionId", connection, "statementId", statement));
  }

  @Test void noClickHouseConnectionStaysBorrowedAfterResultsCutOffByAnOutage() throws Exception {
    awaitClickHouse();
    useEveryPooledConnection();
    List<List<String>> expected;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      expected = rows(s.executeQuery(MEDIUM));
    }
    assertEquals(0, poolActive(), metrics());
    try (Connection c = connect(); Statement plain = c.createStatement();
         PreparedStatement prepared = c.prepareStatement(MEDIUM); Statement closed = c.createStatement()) {
      // Three ClickHouse results left open after their first frame, each holding a pooled connection.
      ResultSet plainResult = plain.executeQuery(MEDIUM);
      assertTrue(plainResult.next());
      ResultSet preparedResult = prepared.executeQuery();
      assertTrue(preparedResult.next());
      ResultSet closedResult = closed.executeQuery(MEDIUM);
      assertTrue(closedResult.next());
      assertEquals(3, poolActive(), metrics());
      engine.kill();
      awaitBreaker(CircuitBreaker.State.OPEN);
      // Re-executed (the gateway re-runs the statement on the lake), re-planned (the prepared statement
      // is planned again on the lake), and closed: each must give its ClickHouse connection back.
      assertEquals(expected, rows(plain.executeQuery(MEDIUM)));
      assertEquals(expected, rows(prepared.executeQuery()));
      closed.close();
      assertEquals(0, poolActive(), metrics());
    } finally {
      engine.restart();
    }
    assertEquals(0, poolActive(), metrics());
  }

  /**
   * The 08006 error naming the rows sent: those the client read plus, at most, the rest of the frame Avatica's
   * driver held when it asked for the next one.
   */
  /** An agent that closes its connection after the first frame, without closing the statement. */
  @Test void closingAConnectionGivesBackTheClickHouseConnectionOfItsUnreadResult() throws Exception {
    awaitClickHouse();
    useEveryPooledConnection();
    HttpClient http = HttpClient.newHttpClient();
    String connection = "unread-" + System.nanoTime();
    post(http, Map.of("request", "openConnection", "connectionId", connection));
    int statement = JSON.readTree(post(http, Map.of("request", "createStatement", "connectionId", connection))
        .body()).path("statementId").asInt();
    HttpResponse<String> executed = null;
    // After a restart the pool may still hold a socket of the old engine: that run is re-run on the lake.
    for (int attempt = 0; attempt < 3 && !isClickHouse(executed); attempt++) {
      executed = post(http, Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", MEDIUM, "maxRowCount", -1, "maxRowsInFirstFrame", 5));
      assertEquals(200, executed.statusCode(), executed.body());
    }
    assertTrue(isClickHouse(executed), executed.headers().map().toString());
    assertEquals(1, poolActive(), metrics());
    post(http, Map.of("request", "closeConnection", "connectionId", connection));
    assertEquals(0, poolActive(), metrics());
  }

  /**
   * Borrows every connection of the pool once (results held open together), so that none still holds a
   * socket of an engine killed by an earlier test: a statement on such a socket is re-run on the lake.
   */
  private static void useEveryPooledConnection() throws SQLException {
    for (int round = 0; round < 2; round++) {
      try (Connection c = connect()) {
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
          Statement s = c.createStatement();
          statements.add(s);
          s.executeQuery(MEDIUM).next();
        }
        for (Statement s : statements) {
          s.close();
        }
      }
    }
  }

  private static boolean isClickHouse(HttpResponse<String> response) {
    return response != null
        && "clickhouse".equals(response.headers().firstValue(GatewayHandler.BACKEND_HEADER).orElse(""));
  }

  private static void assertIncomplete(ClientError e, long read) {
    assertEquals("08006", e.sqlState(), e::toString);
    Matcher sent = SENT.matcher(e.message());
    assertTrue(sent.find(), e::toString);
    long rowsSent = Long.parseLong(sent.group(1));
    assertTrue(rowsSent >= read && rowsSent <= read + FRAME, read + " rows read: " + e);
    assertTrue(rowsSent < bigRows, rowsSent + " rows sent of " + bigRows);
    assertTrue(e.message().contains("the answer would be incomplete, so it is not returned — run the query"
        + " again"), e.message());
  }

  /**
   * The SQLSTATE and message a JDBC caller gets. Avatica's driver throws a failed fetch out of
   * {@code ResultSet.next()} as its unchecked {@link AvaticaClientRuntimeException}, which carries both.
   */
  private record ClientError(String sqlState, String message) {
    static ClientError of(Exception e) {
      if (e instanceof SQLException sql) {
        return new ClientError(sql.getSQLState(), sql.getMessage());
      }
      if (e instanceof AvaticaClientRuntimeException avatica) {
        return new ClientError(avatica.getSqlState(), avatica.getMessage());
      }
      throw new AssertionError("neither an SQLException nor Avatica's client error", e);
    }
  }

  /** Reads up to {@code max} more rows, counting each in {@code read[0]} (also when reading fails). */
  private static void readRows(ResultSet rs, long max, long[] read) throws SQLException {
    for (long n = 0; n < max && rs.next(); n++) {
      read[0]++;
    }
  }

  private static int poolActive() throws IOException, InterruptedException {
    return JSON.readTree(metrics()).path("clickhouse").path("pool").path("active").asInt(-1);
  }

  private static String metrics() throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void awaitClickHouse() throws InterruptedException {
    long deadline = System.currentTimeMillis() + RECOVERY_MS;
    while (server.failover().schema().route() != Backend.CLICKHOUSE && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(Backend.CLICKHOUSE, server.failover().schema().route(), "ClickHouse is back");
  }

  private static void awaitBreaker(CircuitBreaker.State state) throws InterruptedException {
    CircuitBreaker breaker = server.failover().breaker().orElseThrow();
    long deadline = System.currentTimeMillis() + RECOVERY_MS;
    while (breaker.state() != state && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(state, breaker.state());
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + server.port()
        + ";serialization=protobuf");
  }

  private static List<List<String>> rows(ResultSet result) throws SQLException {
    try (ResultSet rs = result) {
      int columns = rs.getMetaData().getColumnCount();
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
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

  private static HttpResponse<String> post(HttpClient http, Map<String, ?> request)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
