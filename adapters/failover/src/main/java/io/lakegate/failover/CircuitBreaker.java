package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.clickhouse.ProbeResult;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether statements go to ClickHouse: CLOSED while it is healthy, OPEN (everything on the lake) from
 * the moment it is found unavailable until a probe succeeds again.
 *
 * <p>A background daemon thread probes ClickHouse, one probe at a time and at a fixed rate (each an
 * interval after the previous one started, at once after one that took longer): every
 * {@code probeIntervalMs} while OPEN, so that the breaker closes within one interval plus one probe's round
 * trip of ClickHouse answering again, and every {@code healthCheckIntervalMs} while CLOSED, so that a hung
 * server is found within about {@code healthCheckIntervalMs + probeTimeoutMs} even when no statement is
 * running. The probe that succeeds closes the breaker itself: nothing else is waited for. A statement
 * that fails with a confirmed unavailability (refused or timed-out connect, 5xx) opens the breaker at
 * once; an unconfirmed one (no response on a reused connection, a read timeout) asks for an immediate
 * probe instead, so that a stale pooled socket after a restart does not send traffic away. Each
 * transition is logged once, never per statement; opening runs {@code onOpen} (which aborts the
 * ClickHouse connections still waiting for an answer), and closing runs {@code onRecover} first, before
 * any statement is sent to ClickHouse again (it drops the pool's idle connections, whose sockets may lead
 * to the server that went away).
 */
public final class CircuitBreaker implements AutoCloseable {
  /** The breaker's position. */
  public enum State { CLOSED, OPEN }

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  private final FailoverConfig config;
  private final HealthProbe probe;
  private final FailoverMetrics metrics;
  private final Runnable onOpen;
  private final Runnable onRecover;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean extraProbePending = new AtomicBoolean();
  private volatile State state = State.OPEN;
  private volatile String openReason = "not started";
  private volatile long changedAtNanos = System.nanoTime();
  private volatile boolean stopped;

  CircuitBreaker(FailoverConfig config, HealthProbe probe, FailoverMetrics metrics, Runnable onOpen,
      Runnable onRecover) {
    this.config = requireNonNull(config, "config");
    this.probe = requireNonNull(probe, "probe");
    this.metrics = requireNonNull(metrics, "metrics");
    this.onOpen = requireNonNull(onOpen, "onOpen");
    this.onRecover = requireNonNull(onRecover, "onRecover");
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "lakegate-failover-breaker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts probing, from CLOSED when ClickHouse answered at start, else from OPEN for {@code reason}. */
  void start(boolean healthy, String reason) {
    changedAtNanos = System.nanoTime();
    if (healthy) {
      state = State.CLOSED;
      LOG.info("clickhouse healthy: pushing down (health check every {} ms, probe timeout {} ms)",
          config.healthCheckIntervalMs(), config.probeTimeoutMs());
    } else {
      state = State.OPEN;
      openReason = requireNonNull(reason, "reason");
      LOG.warn("clickhouse unreachable at start ({}): serving from the lake, probing every {} ms", reason,
          config.probeIntervalMs());
    }
    schedule(changedAtNanos);
  }

  public State state() {
    return state;
  }

  public boolean isClosed() {
    return state == State.CLOSED;
  }

  /** When the breaker last changed state ({@link System#nanoTime()}), e.g. the moment traffic moved back. */
  long changedAtNanos() {
    return changedAtNanos;
  }

  /** Why the breaker is open; empty while closed. */
  public Optional<String> openReason() {
    return state == State.OPEN ? Optional.of(openReason) : Optional.empty();
  }

  /** A ClickHouse statement failed: a confirmed unavailability opens the breaker, an unconfirmed one asks a probe. */
  void report(Failure failure) {
    if (!failure.unavailable() || state == State.OPEN) {
      return;
    }
    if (failure.confirmed()) {
      open(failure.reason());
    } else {
      probeSoon();
    }
  }

  /**
   * Opens the breaker (if closed) because of {@code reason}; when it is open already, {@code reason}
   * becomes the reason it reports, so that /health tells the latest probe's finding (the first failure
   * may have been a half-dead server's "request failed", the next probes a plain "connection refused").
   */
  void open(String reason) {
    synchronized (this) {
      if (state == State.OPEN) {
        openReason = reason;
        return;
      }
      state = State.OPEN;
      openReason = reason;
      changedAtNanos = System.nanoTime();
    }
    metrics.breakerOpened();
    LOG.warn("clickhouse unreachable ({}): serving from the lake, probing every {} ms", reason,
        config.probeIntervalMs());
    onOpen.run();
  }

  private void closeBreaker(ProbeResult result) {
    if (state == State.CLOSED) {
      return;
    }
    // Only the probe thread closes the breaker, and nothing borrows a ClickHouse connection while it is
    // open: run onRecover before the first statement can be routed back.
    onRecover.run();
    long downMs;
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      long now = System.nanoTime();
      downMs = TimeUnit.NANOSECONDS.toMillis(now - changedAtNanos);
      // Set before the state, so that no statement routed to ClickHouse can have started before it.
      changedAtNanos = now;
      state = State.CLOSED;
    }
    metrics.breakerClosed();
    LOG.info("clickhouse is back after {} ms on the lake (probe answered in {} ms): pushing down again", downMs,
        result.elapsed().toMillis());
  }

  private void probeSoon() {
    if (extraProbePending.compareAndSet(false, true)) {
      try {
        scheduler.execute(() -> {
          extraProbePending.set(false);
          probeOnce();
        });
      } catch (RejectedExecutionException e) {
        // Stopped: nothing to probe for any more.
        extraProbePending.set(false);
      }
    }
  }

  /** Schedules the next probe, {@code interval} after the one that started at {@code previousStartNanos}. */
  private void schedule(long previousStartNanos) {
    if (stopped) {
      return;
    }
    long interval = TimeUnit.MILLISECONDS.toNanos(state == State.OPEN ? config.probeIntervalMs()
        : config.healthCheckIntervalMs());
    try {
      scheduler.schedule(this::tick, nextProbeDelayNanos(interval, previousStartNanos, System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("breaker stopped; no further probes");
    }
  }

  /**
   * How long to wait before the next probe: probes start at a fixed rate, one {@code intervalNanos} after
   * the previous one started, not an interval after it ended, so that a server that comes back is found
   * within one interval (plus the probe's own round trip) however long the failing probes took; a probe that
   * took longer than the interval (a hung server's, which waits for the probe timeout) is followed at once,
   * so one is always waiting on a hung server when it resumes. Never negative: late probes are not made up
   * for with a burst.
   */
  static long nextProbeDelayNanos(long intervalNanos, long previousStartNanos, long nowNanos) {
    return Math.max(0, intervalNanos - (nowNanos - previousStartNanos));
  }

  private void tick() {
    long started = System.nanoTime();
    try {
      probeOnce();
    } catch (RuntimeException e) {
      // A probe must never end the probing: log it and keep the schedule.
      LOG.error("clickhouse probe failed unexpectedly", e);
    } finally {
      schedule(started);
    }
  }

  private void probeOnce() {
    if (stopped) {
      return;
    }
    ProbeResult result = probe.probe();
    if (stopped) {
      // Stopping interrupts a waiting probe: its "failure" says nothing about ClickHouse.
      return;
    }
    metrics.probe(result.healthy());
    if (result.healthy()) {
      closeBreaker(result);
    } else {
      open(result.problem().orElse("probe failed"));
    }
  }

  /** Stops the probes. */
  @Override
  public void close() {
    stopped = true;
    scheduler.shutdownNow();
  }
}
