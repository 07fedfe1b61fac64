package io.lakegate.guardrails;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Arms the deadlines of running queries on one daemon thread. Expiring a deadline only raises a
 * flag, so the thread is never busy; cancelled timers are removed at once, so finished queries
 * leave nothing queued.
 */
final class QueryTimer implements AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;

  QueryTimer() {
    executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "lakegate-query-timeout");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  /** A deadline that expires {@code timeoutMs} from now. */
  QueryDeadline start(long timeoutMs) {
    QueryDeadline deadline = new QueryDeadline(timeoutMs);
    try {
      deadline.armed(executor.schedule(deadline::expire, timeoutMs, TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException e) {
      // The gateway is shutting down: nothing new may run.
      deadline.expire();
    }
    return deadline;
  }

  /** Queries still running when the timer closes are expired by nobody; the gateway closes their connections. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
