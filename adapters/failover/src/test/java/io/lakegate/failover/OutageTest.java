package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.failover.QueryLoop.Outcome;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client loops statements through the failover executor while the engine is killed and restarted,
 * or paused and resumed: every statement returns the right rows or a clear error, never a wrong or
 * partial answer; the lake takes over and ClickHouse takes back. The probes are model.json's defaults,
 * so the times logged ("measured: ...") are the ones a gateway would show; they are not asserted.
 */
class OutageTest {
  private static final Logger LOG = LoggerFactory.getLogger(OutageTest.class);
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Test void killedEngineFailsOverAndRestartedEngineTakesTrafficBack() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), FailoverConfig.defaults()), world.lake)) {
      List<Outcome> outcomes;
      long detectionMs;
      long recoveryMs;
      long breakerOpenMs;
      long breakerClosedMs;
      try (QueryLoop loop = QueryLoop.start(failover)) {
        loop.await(System.nanoTime(), o -> o.backend() == Backend.CLICKHOUSE, PATIENCE).orElseThrow();
        LOG.info("SIGKILL");
        long killed = System.nanoTime();
        engine.kill();
        breakerOpenMs = awaitState(failover, CircuitBreaker.State.OPEN, killed);
        Outcome lake = loop.await(killed, o -> o.backend() == Backend.LAKE && o.correct(), PATIENCE)
            .orElseThrow(() -> new AssertionError("the lake never answered after the kill"));
        detectionMs = TimeUnit.NANOSECONDS.toMillis(lake.endNanos() - killed);
        engine.restart();
        LOG.info("restarted");
        long ready = System.nanoTime();
        breakerClosedMs = awaitState(failover, CircuitBreaker.State.CLOSED, ready);
        Outcome back = loop.await(ready, o -> o.backend() == Backend.CLICKHOUSE, PATIENCE)
            .orElseThrow(() -> new AssertionError("traffic never returned to ClickHouse"));
        recoveryMs = TimeUnit.NANOSECONDS.toMillis(back.endNanos() - ready);
        loop.await(back.endNanos(), o -> true, PATIENCE);
        outcomes = loop.outcomes();
      }
      assertEveryAnswerRightOrClearlyWrong(outcomes);
      assertEquals(CircuitBreaker.State.CLOSED, failover.breaker().orElseThrow().state());
      LOG.info("measured (kill): breaker open {} ms and first correct answer {} ms after SIGKILL; breaker closed {} ms"
          + " and first ClickHouse answer {} ms after the restarted engine answered /ping; {} statements, {}",
          breakerOpenMs, detectionMs, breakerClosedMs, recoveryMs, outcomes.size(), failover.metrics().toMap());
    }
  }

  @Test void hungEngineFailsOverWithinTheProbeBoundsAndResumedEngineTakesTrafficBack() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), FailoverConfig.defaults()), world.lake)) {
      List<Outcome> outcomes;
      long detectionMs;
      long recoveryMs;
      long breakerOpenMs;
      long breakerClosedMs;
      try (QueryLoop loop = QueryLoop.start(failover)) {
        loop.await(System.nanoTime(), o -> o.backend() == Backend.CLICKHOUSE, PATIENCE).orElseThrow();
        LOG.info("SIGSTOP");
        long paused = System.nanoTime();
        engine.pause();
        Outcome lake;
        try {
          breakerOpenMs = awaitState(failover, CircuitBreaker.State.OPEN, paused);
          lake = loop.await(paused, o -> o.backend() == Backend.LAKE && o.correct(), PATIENCE)
              .orElseThrow(() -> new AssertionError("the lake never answered while the engine hung"));
        } finally {
          engine.resume();
        }
        LOG.info("SIGCONT");
        long resumed = System.nanoTime();
        breakerClosedMs = awaitState(failover, CircuitBreaker.State.CLOSED, resumed);
        detectionMs = TimeUnit.NANOSECONDS.toMillis(lake.endNanos() - paused);
        Outcome back = loop.await(resumed, o -> o.backend() == Backend.CLICKHOUSE, PATIENCE)
            .orElseThrow(() -> new AssertionError("traffic never returned to ClickHouse"));
        recoveryMs = TimeUnit.NANOSECONDS.toMillis(back.endNanos() - resumed);
        loop.await(back.endNanos(), o -> true, PATIENCE);
        outcomes = loop.outcomes();
      }
      assertEveryAnswerRightOrClearlyWrong(outcomes);
      assertTrue(failover.metrics().breakerOpenings() >= 1);
      LOG.info("measured (hang): breaker open {} ms and first correct answer {} ms after SIGSTOP; breaker closed {} ms"
          + " and first ClickHouse answer {} ms after SIGCONT; {} statements, {}", breakerOpenMs, detectionMs,
          breakerClosedMs, recoveryMs, outcomes.size(), failover.metrics().toMap());
    }
  }

  /** Milliseconds from {@code sinceNanos} until the breaker is in {@code state}. */
  static long awaitState(Failover failover, CircuitBreaker.State state, long sinceNanos) throws InterruptedException {
    CircuitBreaker breaker = failover.breaker().orElseThrow();
    long deadline = sinceNanos + PATIENCE.toNanos();
    while (breaker.state() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the breaker did not become " + state + " within " + PATIENCE);
      }
      Thread.sleep(2);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
  }

  /** Right rows, or the 08006 "incomplete" error: never wrong rows, never another error. */
  static void assertEveryAnswerRightOrClearlyWrong(List<Outcome> outcomes) {
    for (Outcome outcome : outcomes) {
      if (outcome.answered()) {
        assertTrue(outcome.correct(), () -> "wrong rows from " + outcome.backend() + " for " + Sql.QUERIES.get(
            outcome.query()));
      } else {
        assertEquals(IncompleteAnswer.SQL_STATE, outcome.error().getSQLState(), () -> "unexpected error: "
            + outcome.error());
        assertTrue(outcome.error().getMessage().contains("the answer would be incomplete"));
      }
    }
  }
}
