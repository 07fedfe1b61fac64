package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.testing.clickhouse.EngineUser;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Testcontainers ClickHouse 24.8 server is set up as docker-compose.yml sets it up: ddl/nfs over
 * the e2e lake, read through clickhouse-jdbc by the read-only user of ddl/users, which cannot read
 * files itself, and its statements come back from system.query_log. Skipped where Docker is missing.
 */
@ClickHouseServerContainer.RequiresDocker
@ExtendWith(SharedGateway.class)
class ClickHouseServerContainerIT {
  private static ClickHouseServerContainer server;

  @BeforeAll
  static void startServer(LakegateFixture lake) {
    server = ClickHouseServerContainer.start(lake.lakeDir());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theReadOnlyUserCountsTheLakesRows(LakegateFixture lake) throws SQLException {
    try (Connection c = connect()) {
      assertEquals(lake.lake().partnerMetrics().count(),
          Sql.single(c, "SELECT count() FROM analytics.partner_metrics"));
    }
  }

  @Test
  void theReadOnlyUserCannotReadFilesThroughTableFunctions() {
    SQLException refused = assertThrows(SQLException.class, () -> {
      try (Connection c = connect()) {
        Sql.rows(c, "SELECT * FROM file('x')");
      }
    });
    assertTrue(messages(refused).contains("ACCESS_DENIED"), messages(refused));
  }

  @Test
  void statementsListWhatTheReadOnlyUserSentAndNothingOfTheFixture() throws SQLException {
    String sql = "SELECT count() FROM analytics.commission_history WHERE tier = 'gold'";
    try (Connection c = connect()) {
      Sql.single(c, sql);
    }
    List<StatementRecord> statements = server.statements();
    // The driver may reformat the text it sends; the filter is distinctive enough.
    List<StatementRecord> mine = statements.stream().filter(s -> s.sql().contains("tier = 'gold'")).toList();
    assertEquals(1, mine.size(), "statements: " + statements);
    assertEquals(ClickHouseServerContainer.READ_ONLY_USER, mine.get(0).user());
    assertEquals(StatementRecord.OK, mine.get(0).outcome(), mine.get(0).toString());
    assertEquals(1, mine.get(0).resultRows());
    assertTrue(statements.stream().noneMatch(s -> s.user().equals("default")), "statements: " + statements);
  }

  private static Connection connect() throws SQLException {
    EngineUser user = server.user();
    Properties properties = new Properties();
    properties.setProperty("user", user.name());
    properties.setProperty("password", user.password());
    return DriverManager.getConnection(server.jdbcUrl("analytics"), properties);
  }

  /** The messages of an exception and its causes: the driver wraps ClickHouse's error. */
  private static String messages(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
