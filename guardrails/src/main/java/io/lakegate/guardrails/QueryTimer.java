package io.lakegate.guardrails;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Arms the deadlines of running queries on one daemon thread. Expiring a deadline only raises a
 * flag and hands the cancellation of backend statements (a request to the backend) to a separate
 * pool, so the timer thread is never busy; cancelled timers are removed at once, so finished queries
 * leave nothing queued.
 */
final class QueryTimer implements AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;
  private final ExecutorService cancellations;

  QueryTimer() {
    executor = new ScheduledThreadPoolExecutor(1, daemon("lakegate-query-timeout"));
    executor.setRemoveOnCancelPolicy(true);
    // Threads only while statements are being cancelled; idle ones end after a minute.
    cancellations = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemon("lakegate-query-cancel"));
  }

  /** A deadline that expires {@code timeoutMs} from now. */
  QueryDeadline start(long timeoutMs) {
    QueryDeadline deadline = new QueryDeadline(timeoutMs, System.nanoTime(), cancellations);
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
    cancellations.shutdown();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
