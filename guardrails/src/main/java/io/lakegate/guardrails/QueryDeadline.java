package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline of one execution of a query: the cancel flag its scans watch (Calcite's
 * {@code DataContext.Variable.CANCEL_FLAG}), raised by {@link QueryTimer} when the timeout passes
 * and never lowered, the time left for a backend that enforces a limit itself (ClickHouse's
 * {@code max_execution_time}), and the actions that stop the execution's backend statements when it
 * expires. A fresh deadline per execution keeps a timed-out statement usable.
 */
public final class QueryDeadline {
  private static final Logger LOG = LoggerFactory.getLogger(QueryDeadline.class);

  private final long timeoutMs;
  private final long dueNanos;
  private final Executor cancellations;
  private final AtomicBoolean cancelFlag = new AtomicBoolean();
  private volatile boolean expired;
  private final AtomicBoolean reported = new AtomicBoolean();
  private volatile ScheduledFuture<?> timer;
  /** Guarded by {@code this}; null once the deadline expired or the execution finished. */
  private List<Runnable> onTimeout = new ArrayList<>();

  /**
   * @param startNanos when the execution started ({@link System#nanoTime()})
   * @param cancellations where the actions of {@link #onTimeout} run (never the timer's own thread)
   */
  QueryDeadline(long timeoutMs, long startNanos, Executor cancellations) {
    this.timeoutMs = timeoutMs;
    this.dueNanos = startNanos + timeoutMs * 1_000_000L;
    this.cancellations = requireNonNull(cancellations, "cancellations");
  }

  /** The execution's timeout in milliseconds. */
  public long timeoutMs() {
    return timeoutMs;
  }

  /** Whether the timeout has passed (the execution is being stopped). */
  public boolean expired() {
    return expired;
  }

  /** The time left until the deadline, zero or negative once it has passed. */
  public Duration remaining() {
    return Duration.ofNanos(dueNanos - System.nanoTime());
  }

  AtomicBoolean cancelFlag() {
    return cancelFlag;
  }

  void armed(ScheduledFuture<?> future) {
    this.timer = future;
  }

  /**
   * Runs {@code cancel} when the deadline expires (at once if it already has), on an executor of its
   * own: a backend statement the execution is waiting for is stopped where it runs, so that no thread
   * waits for it past the deadline. Forgotten when the execution finishes first.
   */
  public void onTimeout(Runnable cancel) {
    requireNonNull(cancel, "cancel");
    synchronized (this) {
      if (onTimeout != null) {
        onTimeout.add(cancel);
        return;
      }
    }
    if (expired) {
      run(cancel);
    }
  }

  /** Time is up: every scan of the execution stops at its next check, every backend statement is cancelled. */
  void expire() {
    expired = true;
    cancelFlag.set(true);
    List<Runnable> actions;
    synchronized (this) {
      actions = onTimeout;
      onTimeout = null;
    }
    if (actions != null) {
      actions.forEach(this::run);
    }
  }

  private void run(Runnable cancel) {
    try {
      cancellations.execute(() -> {
        try {
          cancel.run();
        } catch (RuntimeException e) {
          // The backend's own time limit still stops the statement; the execution fails with the timeout anyway.
          LOG.warn("cancelling a backend statement at its deadline failed: {}", e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("the gateway is shutting down; a backend statement past its deadline is left to its own time limit");
    }
  }

  /** The execution is over (all rows read, or closed): the timer and the cancel actions are no longer needed. */
  void finish() {
    ScheduledFuture<?> future = timer;
    if (future != null) {
      future.cancel(false);
    }
    synchronized (this) {
      onTimeout = null;
    }
  }

  /** True the first time only: the timeout of an execution is counted once however often it is reported. */
  private boolean firstReport() {
    return reported.compareAndSet(false, true);
  }

  /**
   * What a failure of the execution is to the caller: the TIMEOUT violation (counted once) when the
   * deadline has passed, whatever the scan or backend threw on seeing it; else the failure itself,
   * and the timer is released. A failure that arrives when the deadline is due but before the timer
   * fired (a backend that enforced the same limit itself, ClickHouse's error 159) is the timeout too.
   */
  RuntimeException failure(RuntimeException e, GuardrailMetrics metrics) {
    if (!expired && System.nanoTime() - dueNanos >= 0) {
      expire();
    }
    if (!expired) {
      finish();
      return e;
    }
    if (firstReport()) {
      metrics.rejected(GuardrailRule.TIMEOUT);
    }
    GuardrailViolation violation = violation();
    if (e != null) {
      violation.initCause(e);
    }
    return violation;
  }

  GuardrailViolation violation() {
    return GuardrailRule.TIMEOUT.violation("the query ran longer than its " + timeoutMs + " ms timeout and was"
        + " stopped; read less (filter on a partition column such as \"date\", aggregate, or select fewer columns)");
  }
}
