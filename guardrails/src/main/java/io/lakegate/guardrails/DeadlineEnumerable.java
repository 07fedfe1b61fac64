package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows of one execution under its {@link QueryDeadline}: a failure after the deadline expired
 * (a scan that saw the cancel flag, a backend that gave up) becomes the TIMEOUT error, a row asked
 * for after it is refused, and the timer is released when the rows are exhausted or closed. Every
 * call into the rows runs with the {@link QueryExecution} bound to the calling thread, because it
 * may start a backend statement (a lazily opened input of a join or a union).
 */
final class DeadlineEnumerable<T> extends AbstractEnumerable<T> {
  private final Enumerable<T> rows;
  private final QueryExecution execution;
  private final QueryDeadline deadline;
  private final GuardrailMetrics metrics;

  DeadlineEnumerable(Enumerable<T> rows, QueryExecution execution, GuardrailMetrics metrics) {
    this.rows = requireNonNull(rows, "rows");
    this.execution = requireNonNull(execution, "execution");
    this.deadline = execution.deadline();
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public Enumerator<T> enumerator() {
    Enumerator<T> delegate;
    try (QueryExecution.Scope scope = execution.enter()) {
      delegate = rows.enumerator();
    } catch (RuntimeException e) {
      throw timedOut(e);
    }
    return new Enumerator<>() {
      @Override
      public T current() {
        return delegate.current();
      }

      @Override
      public boolean moveNext() {
        if (deadline.expired()) {
          throw timedOut(null);
        }
        boolean more;
        try (QueryExecution.Scope scope = execution.enter()) {
          more = delegate.moveNext();
        } catch (RuntimeException e) {
          throw timedOut(e);
        }
        if (!more) {
          deadline.finish();
        }
        return more;
      }

      @Override
      public void reset() {
        try (QueryExecution.Scope scope = execution.enter()) {
          delegate.reset();
        }
      }

      @Override
      public void close() {
        deadline.finish();
        try (QueryExecution.Scope scope = execution.enter()) {
          delegate.close();
        }
      }
    };
  }

  private RuntimeException timedOut(RuntimeException e) {
    return deadline.failure(e, metrics);
  }
}
