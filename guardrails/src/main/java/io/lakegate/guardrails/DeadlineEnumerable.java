package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows of one execution under its {@link QueryDeadline}: a failure after the deadline expired
 * (a scan that saw the cancel flag, a backend that gave up) becomes the TIMEOUT error, a row asked
 * for after it is refused, and the timer is released when the rows are exhausted or closed.
 */
final class DeadlineEnumerable<T> extends AbstractEnumerable<T> {
  private final Enumerable<T> rows;
  private final QueryDeadline deadline;
  private final GuardrailMetrics metrics;

  DeadlineEnumerable(Enumerable<T> rows, QueryDeadline deadline, GuardrailMetrics metrics) {
    this.rows = requireNonNull(rows, "rows");
    this.deadline = requireNonNull(deadline, "deadline");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public Enumerator<T> enumerator() {
    Enumerator<T> delegate;
    try {
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
        try {
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
        delegate.reset();
      }

      @Override
      public void close() {
        deadline.finish();
        delegate.close();
      }
    };
  }

  private RuntimeException timedOut(RuntimeException e) {
    return deadline.failure(e, metrics);
  }
}
