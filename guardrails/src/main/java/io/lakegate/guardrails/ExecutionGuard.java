package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;

/**
 * Puts every execution of a prepared statement under a deadline: the signature Calcite prepared
 * is wrapped so that each execution starts a {@link QueryDeadline}, runs with that deadline's cancel
 * flag and timeout in its data context, and publishes its {@link GuardrailNotes}.
 */
final class ExecutionGuard {
  private final QueryTimer timer;
  private final GuardrailMetrics metrics;

  ExecutionGuard(QueryTimer timer, GuardrailMetrics metrics) {
    this.timer = requireNonNull(timer, "timer");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  <T> CalciteSignature<T> guard(CalciteSignature<T> prepared, GuardrailSession session, RowLimit rowLimit) {
    requireNonNull(prepared, "prepared");
    requireNonNull(session, "session");
    requireNonNull(rowLimit, "rowLimit");
    // The prepared signature applies its own maxRowCount in enumerable(); the wrapper must not apply it twice.
    return new CalciteSignature<>(prepared.sql, prepared.parameters, prepared.internalParameters, prepared.rowType,
        prepared.columns, prepared.cursorFactory, prepared.rootSchema, prepared.getCollationList(), -1,
        dataContext -> execute(prepared, dataContext, session, rowLimit), prepared.statementType);
  }

  private <T> Enumerable<T> execute(CalciteSignature<T> prepared, DataContext dataContext, GuardrailSession session,
      RowLimit rowLimit) {
    QueryDeadline deadline = timer.start(session.timeoutMs());
    metrics.executed(rowLimit);
    GuardrailNotes.publish(new GuardrailNotes.Note(rowLimit, session.timeoutMs()));
    Enumerable<T> rows;
    try {
      rows = prepared.enumerable(new DeadlineDataContext(dataContext, deadline));
    } catch (RuntimeException e) {
      // Calcite computes a result of one row (an aggregate without GROUP BY) already here.
      throw deadline.failure(e, metrics);
    }
    return new DeadlineEnumerable<>(rows, deadline, metrics);
  }
}
