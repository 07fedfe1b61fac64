package io.lakegate.guardrails;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deadline of one execution of a query: the cancel flag its scans watch (Calcite's
 * {@code DataContext.Variable.CANCEL_FLAG}), raised by {@link QueryTimer} when the timeout passes
 * and never lowered, and its timeout for a backend that enforces one itself (ClickHouse's
 * {@code max_execution_time}). A fresh flag per execution keeps a timed-out statement usable.
 */
public final class QueryDeadline {
  private final long timeoutMs;
  private final AtomicBoolean cancelFlag = new AtomicBoolean();
  private volatile boolean expired;
  private final AtomicBoolean reported = new AtomicBoolean();
  private volatile ScheduledFuture<?> timer;

  QueryDeadline(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** The execution's timeout in milliseconds. */
  public long timeoutMs() {
    return timeoutMs;
  }

  /** Whether the timeout has passed (the execution is being stopped). */
  public boolean expired() {
    return expired;
  }

  AtomicBoolean cancelFlag() {
    return cancelFlag;
  }

  void armed(ScheduledFuture<?> future) {
    this.timer = future;
  }

  /** Time is up: every scan of the execution stops at its next check. */
  void expire() {
    expired = true;
    cancelFlag.set(true);
  }

  /** The execution is over (all rows read, or closed): the timer is no longer needed. */
  void finish() {
    ScheduledFuture<?> future = timer;
    if (future != null) {
      future.cancel(false);
    }
  }

  /** True the first time only: the timeout of an execution is counted once however often it is reported. */
  private boolean firstReport() {
    return reported.compareAndSet(false, true);
  }

  /**
   * What a failure of the execution is to the caller: the TIMEOUT violation (counted once) when the
   * deadline has expired, whatever the scan or backend threw on seeing it; else the failure itself,
   * and the timer is released.
   */
  RuntimeException failure(RuntimeException e, GuardrailMetrics metrics) {
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
