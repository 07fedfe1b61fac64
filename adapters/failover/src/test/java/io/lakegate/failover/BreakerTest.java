package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The circuit breaker against the real engine: background probes find outages and recoveries; one transition each. */
class BreakerTest {
  private static final Logger LOG = LoggerFactory.getLogger(BreakerTest.class);

  @Test void hungServerWithoutTrafficIsFoundByTheHealthCheck() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), FailoverConfig.defaults()), world.lake)) {
      CircuitBreaker breaker = failover.breaker().orElseThrow();
      assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
      long openMs;
      engine.pause();
      try {
        openMs = OutageTest.awaitState(failover, CircuitBreaker.State.OPEN, System.nanoTime());
      } finally {
        engine.resume();
      }
      long closedMs = OutageTest.awaitState(failover, CircuitBreaker.State.CLOSED, System.nanoTime());
      assertEquals(1, failover.metrics().breakerOpenings());
      assertEquals(1, failover.metrics().breakerClosings());
      LOG.info("measured (idle hang): breaker open {} ms after SIGSTOP (bound: health check {} + probe timeout {} ms),"
          + " closed {} ms after SIGCONT", openMs, FailoverConfig.DEFAULT_HEALTH_CHECK_INTERVAL_MS,
          FailoverConfig.DEFAULT_PROBE_TIMEOUT_MS, closedMs);
    }
  }

  @Test void manyFailingStatementsOpenTheBreakerOnce() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(), world.lake);
         Connection connection = Sql.connect(failover.schema())) {
      engine.kill();
      for (int i = 0; i < 8; i++) {
        try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(0))) {
          assertEquals(List.of(List.of("14923")), Sql.rows(rs));
          assertEquals(Backend.LAKE, rs.backend());
        }
      }
      assertEquals(1, failover.metrics().breakerOpenings());
      engine.restart();
      OutageTest.awaitState(failover, CircuitBreaker.State.CLOSED, System.nanoTime());
      assertEquals(1, failover.metrics().breakerClosings());
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(0))) {
        assertEquals(Backend.CLICKHOUSE, rs.backend());
      }
    }
  }
}
