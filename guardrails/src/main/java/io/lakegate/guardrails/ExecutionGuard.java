package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;

/**
 * Puts every execution of a prepared statement under a deadline: the signature Calcite prepared
 * is wrapped so that each execution starts a {@link QueryDeadline}, runs with that deadline's cancel
 * flag in its data context and as the thread's {@link QueryExecution}, and publishes its
 * {@link GuardrailNotes}.
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
    // A request that runs the statement again (failover re-runs it on the lake) keeps the id of its first run.
    String id = GuardrailNotes.pending().map(GuardrailNotes.Note::queryId)
        .orElseGet(() -> UUID.randomUUID().toString());
    GuardrailNotes.publish(new GuardrailNotes.Note(id, rowLimit, session.timeoutMs()));
    QueryExecution execution = new QueryExecution(id, deadline);
    Enumerable<T> rows;
    try (QueryExecution.Scope scope = execution.enter()) {
      rows = prepared.enumerable(new DeadlineDataContext(dataContext, deadline));
    } catch (RuntimeException e) {
      // Calcite computes a result of one row (an aggregate without GROUP BY) already here.
      throw deadline.failure(e, metrics);
    }
    return new DeadlineEnumerable<>(rows, execution, metrics);
  }
}
