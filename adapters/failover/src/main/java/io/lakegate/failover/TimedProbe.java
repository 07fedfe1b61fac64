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
 * failure. While a probe is still stuck no second one is started; each later call fails at once.
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
    if (running != null && !running.isDone()) {
      return failed(start, "the previous probe has had no answer for "
          + TimeUnit.NANOSECONDS.toMillis(start - runningSince) + " ms");
    }
    runningSince = start;
    running = thread.submit(probe::probe);
    try {
      return running.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return failed(start, "no answer within " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      return failed(start, "probe failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(start, "interrupted");
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
