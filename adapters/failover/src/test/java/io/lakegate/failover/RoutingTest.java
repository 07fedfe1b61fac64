package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each statement runs on exactly one backend: ClickHouse while the breaker is closed (the engine's
 * statement log shows it), the lake while it is open (the log shows nothing); both give the same rows.
 */
@SuppressWarnings("try") // backend bindings are read by the planner, not in their blocks
class RoutingTest {
  /** Probes so rare that a breaker opened by the test stays open for the test. */
  private static final FailoverConfig SLOW_PROBES = new FailoverConfig(60_000, 60_000, 500);

  @Test void healthyClickHouseAnswersAndTheLogShowsTheStatement() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    world.healthyEngine();
    LakegateModel model = world.model(world.engine.jdbcUrl(), SLOW_PROBES);
    try (Failover failover = Failover.open(model, world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      String sql = Sql.QUERIES.get(1);
      List<List<String>> lake;
      try (BackendChoice lakeOnly = failover.schema().bind(Backend.LAKE)) {
        lake = Sql.query(connection, sql);
      }
      long before = lastSeq(world);
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, sql)) {
        assertEquals(lake, Sql.rows(rs));
        assertEquals(Backend.CLICKHOUSE, rs.backend());
        assertTrue(rs.lakeReason().isEmpty());
        assertNull(rs.getWarnings());
      }
      List<StatementRecord> sent = statementsAfter(world, before);
      assertEquals(1, sent.size(), () -> "expected one pushed-down statement, got " + sent);
      assertTrue(sent.get(0).sql().contains("GROUP BY"), sent.get(0).sql());
      assertTrue(sent.get(0).succeeded());
      assertEquals(1, failover.metrics().answeredBy(Backend.CLICKHOUSE));
    }
  }

  @Test void openBreakerSendsEverythingToTheLakeAndNothingToClickHouse() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    world.healthyEngine();
    LakegateModel model = world.model(world.engine.jdbcUrl(), SLOW_PROBES);
    try (Failover failover = Failover.open(model, world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      CircuitBreaker breaker = failover.breaker().orElseThrow();
      breaker.open("opened by the test");
      assertEquals(Backend.LAKE, failover.schema().route());
      long before = lastSeq(world);
      for (String sql : Sql.QUERIES) {
        try (FailoverResultSet rs = failover.executor().executeQuery(connection, sql)) {
          assertFalse(Sql.rows(rs).isEmpty(), sql);
          assertEquals(Backend.LAKE, rs.backend());
          SQLWarning warning = rs.getWarnings();
          assertEquals("lakegate: answered by the lake (clickhouse unavailable: opened by the test)",
              warning.getMessage());
          assertEquals("01000", warning.getSQLState());
        }
      }
      assertEquals(List.of(), statementsAfter(world, before));
      assertEquals(Sql.QUERIES.size(), failover.metrics().answeredBy(Backend.LAKE));
    }
  }

  @Test void aBoundStatementIsPlannedOnOneBackendOnly() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    world.healthyEngine();
    LakegateModel model = world.model(world.engine.jdbcUrl(), SLOW_PROBES);
    String join = "explain plan for select m.network, count(*) from partner_metrics m"
        + " join commission_history c on m.partner_id = c.partner_id and m.network = c.network group by m.network";
    try (Failover failover = Failover.open(model, world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      String onClickHouse;
      try (BackendChoice choice = failover.schema().bind(Backend.CLICKHOUSE)) {
        onClickHouse = plan(connection, join);
      }
      String onLake;
      try (BackendChoice choice = failover.schema().bind(Backend.LAKE)) {
        onLake = plan(connection, join);
      }
      String unbound = plan(connection, join);
      assertTrue(onClickHouse.contains("JdbcToEnumerableConverter") || onClickHouse.contains("ClickHouseToEnumerable"),
          onClickHouse);
      assertFalse(onClickHouse.contains("Lake"), onClickHouse);
      assertTrue(onLake.contains("Lake"), onLake);
      assertFalse(onLake.contains("Jdbc"), onLake);
      assertEquals(onLake, unbound, "a statement prepared without a binding reads the lake");
    }
  }

  @Test void theClickHouseSchemaCannotBeNamedInSql() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    world.healthyEngine();
    try (Failover failover = Failover.open(world.model(world.engine.jdbcUrl(), SLOW_PROBES), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      SQLException e = assertThrows(SQLException.class,
          () -> Sql.query(connection, "select count(*) from clickhouse.partner_metrics"));
      assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
  }

  @Test void withoutClickHouseInTheModelTheLakeAnswers() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    try (Failover failover = Failover.open(world.declared, world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      assertTrue(failover.breaker().isEmpty());
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(0))) {
        assertEquals(List.of(List.of("14923")), Sql.rows(rs));
        assertEquals(Backend.LAKE, rs.backend());
        assertEquals("no ClickHouse is configured", rs.lakeReason().orElseThrow());
      }
      assertThrows(IllegalStateException.class, () -> failover.schema().bind(Backend.CLICKHOUSE));
    }
  }

  private static String plan(Connection connection, String explain) throws SQLException {
    StringBuilder plan = new StringBuilder();
    for (List<String> row : Sql.query(connection, explain)) {
      plan.append(row.get(0));
    }
    return plan.toString();
  }

  static long lastSeq(FailoverWorld world) {
    List<StatementRecord> all = world.engine.statements();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
  }

  /** What reached ClickHouse after {@code seq}, without the breaker's probes. */
  static List<StatementRecord> statementsAfter(FailoverWorld world, long seq) {
    return world.engine.statements().stream()
        .filter(s -> s.seq() > seq)
        .filter(s -> !s.sql().strip().equals("SELECT 1"))
        .toList();
  }
}
