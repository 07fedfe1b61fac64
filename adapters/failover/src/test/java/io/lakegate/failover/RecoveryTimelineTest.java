package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.clickhouse.ProbeResult;
import io.lakegate.failover.QueryLoop.Outcome;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the time goes between ClickHouse answering again and statements being answered by it, with
 * model.json's default timing: the wait for the next probe, the probe, the breaker closing, the statement
 * that was running on the lake at that moment, and the first statement on ClickHouse. The timeline is
 * logged ("timeline ..."); what is asserted is the order of events: the breaker closes as soon as the
 * first probe that reaches the engine succeeds, with no further probe, and the first statement started
 * after that is answered by ClickHouse (not re-run on the lake after a failure on a stale connection).
 */
class RecoveryTimelineTest {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveryTimelineTest.class);
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  /** One probe as the breaker ran it. */
  record ProbeCall(long startNanos, long endNanos, boolean healthy, String problem) {
  }

  /** Records every probe the breaker runs, with its start and end. */
  static final class RecordingProbe implements HealthProbe {
    private final HealthProbe probe;
    private final List<ProbeCall> calls = new CopyOnWriteArrayList<>();

    RecordingProbe(HealthProbe probe) {
      this.probe = probe;
    }

    @Override
    public ProbeResult probe() {
      long start = System.nanoTime();
      ProbeResult result = probe.probe();
      calls.add(new ProbeCall(start, System.nanoTime(), result.healthy(), result.problem().orElse("")));
      return result;
    }

    List<ProbeCall> since(long nanos) {
      return calls.stream().filter(c -> c.endNanos() > nanos).toList();
    }
  }

  @Test void restartedEngineIsTakenBackAtTheFirstProbeThatReachesIt() throws Exception {
    recovery("restart", (engine, failover, loop, probes) -> {
      long killed = System.nanoTime();
      engine.kill();
      OutageTest.awaitState(failover, CircuitBreaker.State.OPEN, killed);
      loop.await(killed, o -> o.backend() == Backend.LAKE && o.correct(), PATIENCE).orElseThrow();
      long restarting = System.nanoTime();
      engine.restart();
      return restarting;
    });
  }

  @Test void resumedEngineIsTakenBackAtTheFirstProbeThatReachesIt() throws Exception {
    recovery("SIGCONT", (engine, failover, loop, probes) -> {
      long paused = System.nanoTime();
      engine.pause();
      long resuming;
      try {
        OutageTest.awaitState(failover, CircuitBreaker.State.OPEN, paused);
        loop.await(paused, o -> o.backend() == Backend.LAKE && o.correct(), PATIENCE).orElseThrow();
        // A few probes of the hung engine, so that the resume meets the probing in any phase.
        long open = System.nanoTime();
        while (probes.since(open).size() < 2) {
          Thread.sleep(5);
        }
      } finally {
        resuming = System.nanoTime();
        engine.resume();
      }
      return resuming;
    });
  }

  /** An outage of a healthy engine, ended; returns when the test started bringing the engine back. */
  @FunctionalInterface
  private interface Outage {
    long causeAndEnd(ClickHouseTestEngine engine, Failover failover, QueryLoop loop, RecordingProbe probes)
        throws Exception;
  }

  /**
   * Runs {@code outage} while a client loops on a ClickHouse-routed failover with model.json's timing and
   * every probe recorded, then checks the order of the recovery's events.
   */
  private static void recovery(String name, Outage outage) throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    RecordingProbe[] recorder = new RecordingProbe[1];
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), FailoverConfig.defaults()), world.lake,
        probe -> recorder[0] = new RecordingProbe(probe))) {
      RecordingProbe probes = recorder[0];
      try (QueryLoop loop = QueryLoop.start(failover)) {
        loop.await(System.nanoTime(), o -> o.backend() == Backend.CLICKHOUSE, PATIENCE).orElseThrow();
        long announced = outage.causeAndEnd(engine, failover, loop, probes);
        long back = System.nanoTime();
        Timeline timeline = timeline(failover, loop, probes, announced, back);
        LOG.info("timeline ({}): {}", name, timeline.describe());
        timeline.assertOrder();
      }
    }
  }

  /**
   * The events after {@code back}, once the first statement started after the breaker closed has been answered.
   *
   * @param announced when the test started bringing the engine back (restart called, SIGCONT being sent)
   */
  private static Timeline timeline(Failover failover, QueryLoop loop, RecordingProbe probes, long announced,
      long back) throws InterruptedException {
    CircuitBreaker breaker = failover.breaker().orElseThrow();
    OutageTest.awaitState(failover, CircuitBreaker.State.CLOSED, back);
    long closed = breaker.changedAtNanos();
    Outcome first = loop.await(closed, o -> o.startNanos() >= closed, PATIENCE).orElseThrow();
    Outcome firstClickHouse = loop.await(back, o -> o.backend() == Backend.CLICKHOUSE, PATIENCE).orElseThrow();
    Outcome inFlight = loop.outcomes().stream().filter(o -> o.startNanos() < closed && o.endNanos() >= closed)
        .findFirst().orElse(null);
    return new Timeline(announced, back, probes.since(back - Duration.ofMillis(1500).toNanos()), closed,
        inFlight, first, firstClickHouse, medianMs(loop, Backend.CLICKHOUSE), medianMs(loop, Backend.LAKE));
  }

  /** The median time of the statements {@code backend} answered in the whole run. */
  private static double medianMs(QueryLoop loop, Backend backend) {
    List<Long> times = loop.outcomes().stream().filter(o -> o.backend() == backend)
        .map(o -> o.endNanos() - o.startNanos()).sorted().toList();
    return times.isEmpty() ? Double.NaN : times.get(times.size() / 2) / 1e6;
  }

  /** What happened from the engine coming back until statements were answered by ClickHouse again. */
  private record Timeline(long announced, long back, List<ProbeCall> probes, long closedNanos, Outcome inFlight,
      Outcome firstAfterClose, Outcome firstClickHouse, double clickhouseMedianMs, double lakeMedianMs) {

    ProbeCall firstHealthy() {
      return probes.stream().filter(ProbeCall::healthy).findFirst()
          .orElseThrow(() -> new AssertionError("no healthy probe: " + describe()));
    }

    void assertOrder() {
      ProbeCall healthy = firstHealthy();
      assertTrue(closedNanos >= healthy.endNanos() - Duration.ofMillis(1).toNanos(),
          () -> "the breaker closed before a probe succeeded: " + describe());
      // No probe ran between the first successful one and the breaker closing: it closed on that probe.
      assertEquals(List.of(), probes.stream().filter(c -> c.startNanos() > healthy.startNanos()
          && c.startNanos() < closedNanos).toList(), this::describe);
      assertEquals(Backend.CLICKHOUSE, firstAfterClose.backend(), () -> "the first statement after the breaker"
          + " closed was not answered by ClickHouse: " + describe());
      // Nothing is answered by ClickHouse while the breaker is open.
      assertTrue(firstClickHouse.endNanos() > closedNanos, this::describe);
    }

    String describe() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "engine back (t=0; coming back since %+.0f ms)", ms(announced)));
      out.append("; probes ").append(probes.stream().map(c -> String.format(Locale.ROOT, "[%+.0f..%+.0f %s%s]",
          ms(c.startNanos()), ms(c.endNanos()), c.healthy() ? "ok" : "failed", c.healthy() ? "" : ": " + c.problem()))
          .collect(Collectors.joining(" ")));
      ProbeCall healthy = probes.stream().filter(ProbeCall::healthy).findFirst().orElse(null);
      if (healthy != null) {
        out.append(String.format(Locale.ROOT, "; wait for the probe %.0f ms, probe %.0f ms, probe answered ->"
            + " breaker closed %.1f ms", ms(healthy.startNanos()), (healthy.endNanos() - healthy.startNanos()) / 1e6,
            (closedNanos - healthy.endNanos()) / 1e6));
      }
      out.append(String.format(Locale.ROOT, "; breaker closed %+.0f ms", ms(closedNanos)));
      if (inFlight != null) {
        out.append(String.format(Locale.ROOT, "; statement in flight at the close: on %s [%+.0f..%+.0f]",
            inFlight.backend(), ms(inFlight.startNanos()), ms(inFlight.endNanos())));
      }
      out.append(String.format(Locale.ROOT, "; first statement after the close: on %s [%+.0f..%+.0f] (%.0f ms)",
          firstAfterClose.backend(), ms(firstAfterClose.startNanos()), ms(firstAfterClose.endNanos()),
          (firstAfterClose.endNanos() - firstAfterClose.startNanos()) / 1e6));
      out.append(String.format(Locale.ROOT, "; first ClickHouse answer: sent %+.0f ms, answered %+.0f ms",
          ms(firstClickHouse.startNanos()), ms(firstClickHouse.endNanos())));
      out.append(String.format(Locale.ROOT, "; statements in this run: median %.0f ms on ClickHouse, %.0f ms on the"
          + " lake", clickhouseMedianMs, lakeMedianMs));
      return out.toString();
    }

    private double ms(long nanos) {
      return (nanos - back) / 1e6;
    }
  }
}
