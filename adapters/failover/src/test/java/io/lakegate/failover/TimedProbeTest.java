package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.clickhouse.ProbeResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The probe time limit: a probe called while the previous one is still ending waits for it and then
 * probes, instead of failing at once (which cost a whole probe interval after each given-up probe of a
 * hung server); one whose previous probe stays stuck past its own limit fails.
 */
class TimedProbeTest {
  private static final long PATIENCE_MS = 15_000;

  @Test void aProbeWaitsForThePreviousOneToEndAndThenProbes() throws Exception {
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    HealthProbe wrapped = () -> {
      if (calls.incrementAndGet() == 1) {
        firstEntered.countDown();
        await(releaseFirst);
        return new ProbeResult(false, Duration.ZERO, Optional.of("read timeout"));
      }
      return new ProbeResult(true, Duration.ZERO, Optional.empty());
    };
    try (TimedProbe probe = new TimedProbe(wrapped, PATIENCE_MS, "timed-probe-test")) {
      // The first call is given up (here: its caller interrupted) while the wrapped probe still runs.
      AtomicReference<ProbeResult> first = new AtomicReference<>();
      Thread firstCaller = new Thread(() -> first.set(probe.probe()));
      firstCaller.start();
      assertTrue(firstEntered.await(PATIENCE_MS, TimeUnit.MILLISECONDS));
      firstCaller.interrupt();
      firstCaller.join(PATIENCE_MS);
      assertFalse(first.get().healthy());

      AtomicReference<ProbeResult> second = new AtomicReference<>();
      Thread secondCaller = new Thread(() -> second.set(probe.probe()));
      secondCaller.start();
      awaitWaiting(secondCaller);
      releaseFirst.countDown();
      secondCaller.join(PATIENCE_MS);
      assertEquals(2, calls.get(), "a new probe ran once the previous one had ended");
      assertTrue(second.get().healthy(), () -> "second probe: " + second.get());
    }
  }

  @Test void aProbeFailsWhenThePreviousOneStaysStuckPastItsLimit() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    HealthProbe stuck = () -> {
      calls.incrementAndGet();
      await(never);
      return new ProbeResult(true, Duration.ZERO, Optional.empty());
    };
    try (TimedProbe probe = new TimedProbe(stuck, 100, "timed-probe-test")) {
      ProbeResult first = probe.probe();
      assertEquals(Optional.of("no answer within 100 ms"), first.problem());
      ProbeResult second = probe.probe();
      assertFalse(second.healthy());
      assertTrue(second.problem().orElseThrow().startsWith("the previous probe has had no answer for "),
          second::toString);
      assertEquals(1, calls.get(), "no second probe while the first is stuck");
    } finally {
      never.countDown();
    }
  }

  /** Until {@code caller} waits (for the previous probe) or has ended. */
  private static void awaitWaiting(Thread caller) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
    while (caller.getState() != Thread.State.TIMED_WAITING && caller.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(PATIENCE_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
