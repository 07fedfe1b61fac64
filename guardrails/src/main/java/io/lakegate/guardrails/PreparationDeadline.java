package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.util.CancelFlag;

/**
 * The deadline of preparing one statement (parse, validation, planning, code generation): the
 * connection's timeout, as for an execution. Calcite's Volcano planner checks the cancel flag
 * before every rule call ({@link #cancelFlag()}, given to the planner in its context) and stops
 * exploring once it is raised, keeping the best plan found so far; that plan may be far from the
 * one it would have chosen (a join computed in the gateway instead of ClickHouse), so a statement
 * whose preparation passed the deadline is refused with TIMEOUT instead of being run.
 *
 * <p>The other phases cannot be interrupted and are bounded by the statement rules instead: the
 * parser by {@code maxStatementLength}, validation and conversion by the nesting and size limits
 * of the complexity rule (they are linear in the size of the tree).
 */
public final class PreparationDeadline implements AutoCloseable {
  private final QueryDeadline deadline;
  private final GuardrailMetrics metrics;
  private final AtomicBoolean reported = new AtomicBoolean();

  PreparationDeadline(QueryDeadline deadline, GuardrailMetrics metrics) {
    this.deadline = requireNonNull(deadline, "deadline");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** The flag Calcite's planner watches (raised at the deadline); put it in the planner's context. */
  public CancelFlag cancelFlag() {
    return new CancelFlag(deadline.cancelFlag());
  }

  /**
   * Refuses to go on once the deadline has passed (the planner may have stopped early).
   *
   * @throws GuardrailViolation TIMEOUT
   */
  public void check() {
    if (passed()) {
      throw violation();
    }
  }

  /** What a failure of the preparation is to the caller: the TIMEOUT violation once the deadline has passed. */
  public RuntimeException failure(RuntimeException e) {
    requireNonNull(e, "e");
    if (e instanceof GuardrailViolation || !passed()) {
      return e;
    }
    GuardrailViolation violation = violation();
    violation.initCause(e);
    return violation;
  }

  private boolean passed() {
    return deadline.expired() || deadline.remaining().isNegative();
  }

  private GuardrailViolation violation() {
    if (reported.compareAndSet(false, true)) {
      metrics.rejected(GuardrailRule.TIMEOUT);
    }
    return GuardrailRule.TIMEOUT.violation("planning the query took longer than its " + deadline.timeoutMs()
        + " ms timeout and was stopped; simplify it (fewer UNION branches, OR conditions, joins or nested WITH"
        + " queries) or split it into several queries");
  }

  /** Preparation is over: the timer is released. */
  @Override
  public void close() {
    deadline.finish();
  }
}
