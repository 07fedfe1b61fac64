package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.clickhouse.ProbeResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link HealthProbe} that answers within {@code timeoutMs} whatever the probe it wraps does: a
 * hung server can hold a socket read far longer than the failover targets allow (up to the driver's
 * socket timeout), so the wrapped probe runs on its own daemon thread and a late answer counts as a
 * failure (also when it comes in during the next call: a server slower than the timeout must not close
 * the breaker). One wrapped probe runs at a time: while the previous one is still running (a given-up
 * probe still naming its failure), the next call waits for it within its own time limit instead of
 * failing at once, then starts a new probe with the time left; it fails only if the previous one is still
 * stuck then. So a breaker that probes a hung server back to back always has a probe waiting on it.
 */
final class TimedProbe implements HealthProbe, AutoCloseable {
  private final HealthProbe probe;
  private final long timeoutMs;
  private final ExecutorService thread;
  private Future<ProbeResult> running;
  private long runningSince;

  TimedProbe(HealthProbe probe, long timeoutMs, String threadName) {
    this.probe = requireNonNull(probe, "probe");
    this.timeoutMs = timeoutMs;
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /** Called from one thread at a time (the breaker's scheduler). */
  @Override
  public synchronized ProbeResult probe() {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    try {
      if (running != null && !previousEnded(deadline)) {
        return failed(start, "the previous probe has had no answer for "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runningSince) + " ms");
      }
      runningSince = System.nanoTime();
      running = thread.submit(probe::probe);
      return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return failed(start, "no answer within " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      return failed(start, "probe failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(start, "interrupted");
    }
  }

  /** Whether the previous probe has ended, or ends before {@code deadline}; its answer came too late to count. */
  private boolean previousEnded(long deadline) throws InterruptedException {
    try {
      running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  private static ProbeResult failed(long startNanos, String problem) {
    return new ProbeResult(false, Duration.ofNanos(System.nanoTime() - startNanos), Optional.of(problem));
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
