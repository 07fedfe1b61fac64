package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each way of ClickHouse failing looks like through clickhouse-jdbc 0.11, and the verdict on it:
 * every case is produced for real (the engine refused, killed, paused; an HTTP server answering 5xx
 * like a proxy in front of a dying server; statements ClickHouse rejects), never built by hand.
 */
class FailureClassifierTest {

  @Test void refusedPortIsAConfirmedOutage() throws IOException {
    String url = "jdbc:clickhouse://127.0.0.1:" + FailoverWorld.refusedPort() + "/default";
    assertEquals(Failure.unavailable("connection refused", true), classify(failure(url, "SELECT 1")));
  }

  @Test void unknownHostIsAConfirmedOutage() {
    Failure failure = classify(failure("jdbc:clickhouse://no-such-host.invalid:8123/default", "SELECT 1"));
    assertEquals(FailureKind.BACKEND_UNAVAILABLE, failure.kind());
    assertTrue(failure.confirmed());
    assertTrue(failure.reason().startsWith("unknown host"), failure.reason());
  }

  /**
   * The connection that was open when the engine died gets no response (unconfirmed: a stale pooled
   * socket looks the same); the next one is refused (confirmed).
   */
  @Test void killedEngine() throws Exception {
    ClickHouseTestEngine engine = FailoverWorld.get().healthyEngine();
    try (Connection connection = DriverManager.getConnection(engine.jdbcUrl(), properties(5_000))) {
      assertEquals(1, selectOne(connection));
      engine.kill();
      assertEquals(Failure.unavailable("connection closed without a response", false),
          classify(assertThrows(SQLException.class, () -> selectOne(connection))));
      assertEquals(Failure.unavailable("connection refused", true),
          classify(assertThrows(SQLException.class, () -> selectOne(connection))));
    } finally {
      engine.restart();
    }
  }

  /** A hung server: the read times out; unconfirmed, so the breaker asks a probe before moving traffic. */
  @Test void pausedEngine() throws Exception {
    ClickHouseTestEngine engine = FailoverWorld.get().healthyEngine();
    try (Connection connection = DriverManager.getConnection(engine.jdbcUrl(), properties(5_000))) {
      assertEquals(1, selectOne(connection));
      connection.setNetworkTimeout(Runnable::run, 300);
      engine.pause();
      assertEquals(Failure.unavailable("no answer within the socket timeout", false),
          classify(assertThrows(SQLException.class, () -> selectOne(connection))));
    } finally {
      engine.resume();
    }
  }

  /** The breaker aborts connections of a hung server: the blocked read ends with "Socket closed". */
  @Test void abortedConnection() throws Exception {
    ClickHouseTestEngine engine = FailoverWorld.get().healthyEngine();
    try (Connection connection = DriverManager.getConnection(engine.jdbcUrl(), properties(10_000))) {
      assertEquals(1, selectOne(connection));
      engine.pause();
      Thread aborter = new Thread(() -> {
        try {
          Thread.sleep(300);
          connection.abort(Runnable::run);
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      aborter.start();
      Failure failure = classify(assertThrows(SQLException.class, () -> selectOne(connection)));
      aborter.join();
      assertEquals(Failure.unavailable("connection lost (socket closed)", false), failure);
    } finally {
      engine.resume();
    }
  }

  /** 502 and 503 (what a proxy answers for a dead server) and any 5xx without a ClickHouse error code. */
  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsWithoutAClickHouseCodeAreConfirmedOutages(int status) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "upstream is dying".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "jdbc:clickhouse://127.0.0.1:" + server.getAddress().getPort() + "/default";
      String expected = status == 500 ? "HTTP 500 without a ClickHouse error" : "HTTP " + status;
      assertEquals(Failure.unavailable(expected, true), classify(failure(url, "SELECT 1")));
    } finally {
      server.stop(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SELEC 1|62", "SELECT * FROM nope|60", "SELECT CAST('abc' AS Int32)|6",
      "SELECT sleepEachRow(1) FROM numbers(3) SETTINGS max_execution_time = 1|159"})
  void clickHouseRejectingTheStatementIsTheCallersError(String sqlAndCode) throws IOException {
    String[] parts = sqlAndCode.split("\\|");
    ClickHouseTestEngine engine = FailoverWorld.get().healthyEngine();
    assertEquals(Failure.queryError("ClickHouse error " + parts[1]), classify(failure(engine.jdbcUrl(), parts[0])));
  }

  /**
   * A pool that cannot open a connection says so in its own words (DBCP2, the gateway's pool: "Cannot
   * create PoolableConnectionFactory (isValid() returned false)"); the tracked data source names it.
   */
  @Test void poolFailureIsAnUnconfirmedOutage() throws Exception {
    try (BasicDataSource dbcp = new BasicDataSource()) {
      dbcp.setDriverClassName("com.clickhouse.jdbc.Driver");
      dbcp.setUrl("jdbc:clickhouse://127.0.0.1:" + FailoverWorld.refusedPort() + "/default");
      dbcp.setUsername(FailoverWorld.USER);
      DataSource pool = new TrackedDataSource(dbcp, new OpenConnections(new FailoverMetrics()));
      Failure failure = classify(assertThrows(SQLException.class, pool::getConnection));
      assertEquals(FailureKind.BACKEND_UNAVAILABLE, failure.kind());
      assertFalse(failure.confirmed());
      assertTrue(failure.reason().startsWith("no ClickHouse connection: "), failure.reason());
    }
  }

  @Test void anythingElseIsOther() {
    assertEquals(FailureKind.OTHER, classify(new IllegalStateException("a bug")).kind());
  }

  private static Failure classify(Throwable t) {
    return FailureClassifier.classify(t);
  }

  private static SQLException failure(String url, String sql) {
    return assertThrows(SQLException.class, () -> {
      try (Connection connection = DriverManager.getConnection(url, properties(2_000))) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
    });
  }

  private static int selectOne(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The driver properties the gateway's pool uses that matter here: no retries, the socket timeout. */
  private static Properties properties(int socketTimeoutMs) {
    Properties p = new Properties();
    p.setProperty("user", FailoverWorld.USER);
    p.setProperty("password", FailoverWorld.PASSWORD);
    p.setProperty("retry", "0");
    p.setProperty("connection_timeout", "1000");
    p.setProperty("socket_timeout", Integer.toString(socketTimeoutMs));
    return p;
  }
}
