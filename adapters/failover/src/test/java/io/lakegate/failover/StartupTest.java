package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.clickhouse.ClickHouseSchemaException;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An unreachable ClickHouse at start is not an error: the lake serves until ClickHouse answers. */
class StartupTest {
  private static final Logger LOG = LoggerFactory.getLogger(StartupTest.class);

  @Test void refusedPortFromTheStartTheLakeAnswers() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    String url = "jdbc:clickhouse://127.0.0.1:" + FailoverWorld.refusedPort() + "/default";
    try (Failover failover = Failover.open(world.model(url, FailoverWorld.FAST), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      CircuitBreaker breaker = failover.breaker().orElseThrow();
      assertEquals(CircuitBreaker.State.OPEN, breaker.state());
      assertEquals("connection refused", breaker.openReason().orElseThrow());
      for (String sql : Sql.QUERIES) {
        try (FailoverResultSet rs = failover.executor().executeQuery(connection, sql)) {
          assertTrue(!Sql.rows(rs).isEmpty());
          assertEquals(Backend.LAKE, rs.backend());
          assertEquals("clickhouse unavailable: connection refused", rs.lakeReason().orElseThrow());
        }
      }
      assertThrows(IllegalStateException.class, () -> failover.schema().bind(Backend.CLICKHOUSE));
    }
  }

  @Test void clickHouseDownAtStartTakesTrafficWhenItComesUp() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    engine.kill();
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), FailoverConfig.defaults()), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      assertEquals(CircuitBreaker.State.OPEN, failover.breaker().orElseThrow().state());
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(0))) {
        assertEquals(List.of(List.of("14923")), Sql.rows(rs));
        assertEquals(Backend.LAKE, rs.backend());
      }
      engine.restart();
      long ready = System.nanoTime();
      OutageTest.awaitState(failover, CircuitBreaker.State.CLOSED, ready);
      long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(0))) {
        assertEquals(List.of(List.of("14923")), Sql.rows(rs));
        assertEquals(Backend.CLICKHOUSE, rs.backend());
      }
      LOG.info("measured (down at start): ClickHouse opened and breaker closed {} ms after the engine answered /ping",
          closedMs);
    } finally {
      world.healthyEngine();
    }
  }

  /** A ClickHouse that answers but refuses the configured user is a configuration error, not an outage. */
  @Test void wrongPasswordIsAStartupError() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    var model = world.model(engine.jdbcUrl(), FailoverWorld.FAST);
    var wrong = new io.lakegate.catalog.LakegateModel(model.schemaName(), model.tables(), model.lake(),
        java.util.Optional.of(new io.lakegate.catalog.ClickHouseConfig(engine.jdbcUrl(), FailoverWorld.USER, "wrong",
            "analytics", 1_000, 7_000, 2, 5, 1_000_000)), model.policy(), model.failover());
    ClickHouseSchemaException e = assertThrows(ClickHouseSchemaException.class, () -> Failover.open(wrong, world.lake));
    assertTrue(e.getMessage().startsWith("ClickHouse at " + engine.jdbcUrl() + " refuses user 'lakegate_ro' or database"
        + " 'analytics' (Code: 516."), e.getMessage());
    assertTrue(e.getMessage().endsWith("fix clickhouse.user, password or database in model.json"), e.getMessage());
  }
}
