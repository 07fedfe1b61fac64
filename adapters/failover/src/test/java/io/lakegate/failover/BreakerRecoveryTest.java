package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.clickhouse.ProbeResult;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * How soon an open breaker takes ClickHouse back: it closes on the first probe that succeeds (running the
 * recovery first), and probes start at a fixed rate, each one interval after the previous one started, so
 * that slow failing probes (a hung server's) do not push the next one further out.
 */
class BreakerRecoveryTest {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Test void theFirstSuccessfulProbeClosesTheBreakerBeforeAnyFurtherProbe() throws Exception {
    FailoverMetrics metrics = new FailoverMetrics();
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    CircuitBreaker[] breaker = new CircuitBreaker[1];
    HealthProbe probe = () -> {
      int call = calls.incrementAndGet();
      boolean healthy = call >= 3;
      events.add("probe " + call + " (breaker " + breaker[0].state() + "): " + (healthy ? "ok" : "failed"));
      return new ProbeResult(healthy, Duration.ZERO, healthy ? Optional.empty() : Optional.of("connection refused"));
    };
    try (CircuitBreaker b = new CircuitBreaker(new FailoverConfig(FailoverConfig.MIN_MS, FailoverConfig.MIN_MS,
        FailoverConfig.MIN_MS), probe, metrics, () -> events.add("opened"), () -> events.add("recovered"))) {
      breaker[0] = b;
      b.start(false, "connection refused");
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (calls.get() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      b.close();
      assertTrue(events.size() >= 5, events::toString);
      assertEquals(List.of(
          "probe 1 (breaker OPEN): failed",
          "probe 2 (breaker OPEN): failed",
          "probe 3 (breaker OPEN): ok",
          "recovered",
          "probe 4 (breaker CLOSED): ok"), events.subList(0, 5));
      assertEquals(1, metrics.breakerClosings());
      assertEquals(0, metrics.breakerOpenings(), "starting open is not an opening");
    }
  }

  @Test void probesStartOneIntervalAfterThePreviousStartedNotAfterItEnded() {
    long interval = TimeUnit.MILLISECONDS.toNanos(500);
    long started = 1_000_000_000L;
    // A refused port answers at once: the next probe starts one interval after this one started.
    assertEquals(interval - ms(3), CircuitBreaker.nextProbeDelayNanos(interval, started, started + ms(3)));
    // A probe that took 400 of the 500 ms: 100 ms to wait, not 500.
    assertEquals(ms(100), CircuitBreaker.nextProbeDelayNanos(interval, started, started + ms(400)));
    // A hung server's probe waits out its 800 ms timeout: the next one starts at once ...
    assertEquals(0, CircuitBreaker.nextProbeDelayNanos(interval, started, started + ms(800)));
    // ... and probes missed meanwhile are not made up for.
    assertEquals(0, CircuitBreaker.nextProbeDelayNanos(interval, started, started + ms(5_000)));
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
