package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution of a query that the calling thread is working for, as a backend that runs
 * statements elsewhere sees it: the id to send along (ClickHouse's {@code query_id}, so that the
 * backend's log and the gateway's query log name the same query), the time left, and where to
 * register how to stop a statement at the deadline.
 *
 * <p>The guardrails bind the execution to the thread around every call into the execution's
 * Calcite code (the first rows, every later fetch, the close), so that a backend statement started
 * lazily by a later fetch on another thread still finds it; the binding is undone before the call
 * returns, so nothing stays on a pooled thread.
 */
public final class QueryExecution {
  private static final ThreadLocal<QueryExecution> CURRENT = new ThreadLocal<>();

  private final String id;
  private final QueryDeadline deadline;
  private final AtomicInteger statements = new AtomicInteger();

  QueryExecution(String id, QueryDeadline deadline) {
    this.id = requireNonNull(id, "id");
    this.deadline = requireNonNull(deadline, "deadline");
  }

  /** The execution the calling thread is working for, if any. */
  public static Optional<QueryExecution> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The execution's id: the {@code id=} of its line in the gateway's query log. */
  public String id() {
    return id;
  }

  /**
   * The id of the next statement the execution sends to a backend: its own id for the first, then
   * {@code <id>-2}, {@code <id>-3}, ... (a plan may run several statements, possibly at the same time,
   * and ClickHouse refuses two running queries with one id).
   */
  public String nextStatementId() {
    int n = statements.incrementAndGet();
    return n == 1 ? id : id + "-" + n;
  }

  /** The time left until the deadline; zero or negative once it has passed. */
  public Duration remaining() {
    return deadline.remaining();
  }

  /** The execution's timeout (the connection's), in milliseconds. */
  public long timeoutMs() {
    return deadline.timeoutMs();
  }

  /** See {@link QueryDeadline#onTimeout}: {@code cancel} runs if the deadline passes before the execution ends. */
  public void onTimeout(Runnable cancel) {
    deadline.onTimeout(cancel);
  }

  QueryDeadline deadline() {
    return deadline;
  }

  /** Makes this the calling thread's execution until the returned scope is closed (on the same thread). */
  Scope enter() {
    Scope scope = new Scope(CURRENT.get());
    CURRENT.set(this);
    return scope;
  }

  /** A binding of an execution to a thread; closing it restores what was bound before. */
  static final class Scope implements AutoCloseable {
    private final QueryExecution previous;

    private Scope(QueryExecution previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
