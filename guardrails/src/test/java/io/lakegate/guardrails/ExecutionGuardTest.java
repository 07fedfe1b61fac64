package io.lakegate.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.PolicyConfig;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The deadline around every execution: the execution's cancel flag and timeout in its data
 * context, a scan that sees the flag turned into the TIMEOUT error, the notes for the query log,
 * and a statement that can run again after a timeout.
 */
class ExecutionGuardTest {
  private static final Guardrails GUARDRAILS = new Guardrails("analytics",
      PolicyConfig.defaults(TestPlanner.MODEL.tables()));
  private static final RowLimit ADDED = new RowLimit(RowLimit.Action.ADDED, 100, OptionalLong.empty());

  @AfterAll
  static void close() {
    GUARDRAILS.close();
  }

  @Test
  void anExecutionSeesItsTimeoutAndAFreshCancelFlag() {
    CalciteSignature<Object> guarded = GUARDRAILS.guardExecution(signature(root -> {
      Long timeout = DataContext.Variable.TIMEOUT.get(root);
      AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
      assertEquals(Long.valueOf(250), timeout);
      assertFalse(cancelFlag.get());
      return Linq4j.asEnumerable(List.<Object>of(1, 2));
    }), new GuardrailSession(250), ADDED);
    assertEquals(List.of(1, 2), guarded.enumerable(DataContexts.EMPTY).toList());
    assertEquals(new GuardrailNotes.Note(ADDED, 250), GuardrailNotes.take().orElseThrow());
    assertTrue(GuardrailNotes.take().isEmpty(), "notes are taken once");
  }

  @Test
  void aScanThatSeesTheCancelFlagFailsWithTheTimeoutOnceAndTheStatementRunsAgain() {
    long before = GUARDRAILS.metrics().rejections(GuardrailRule.TIMEOUT);
    CalciteSignature<Object> guarded =
        GUARDRAILS.guardExecution(signature(ExecutionGuardTest::scanUntilCancelled), new GuardrailSession(200), ADDED);
    Enumerator<Object> rows = guarded.enumerable(DataContexts.EMPTY).enumerator();
    GuardrailViolation e = assertThrows(GuardrailViolation.class, rows::moveNext);
    assertEquals("guardrail TIMEOUT: the query ran longer than its 200 ms timeout and was stopped; read less (filter"
        + " on a partition column such as \"date\", aggregate, or select fewer columns)", e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException, "the scan's own failure is kept as the cause");
    assertThrows(GuardrailViolation.class, rows::moveNext);
    rows.close();
    assertEquals(before + 1, GUARDRAILS.metrics().rejections(GuardrailRule.TIMEOUT), "counted once");

    // The next execution has a new deadline and a new flag.
    CalciteSignature<Object> quick = GUARDRAILS.guardExecution(signature(root -> Linq4j.asEnumerable(List.<Object>of(7))),
        new GuardrailSession(200), ADDED);
    assertEquals(List.of(7), quick.enumerable(DataContexts.EMPTY).toList());
  }

  @Test
  void aFailureBeforeTheDeadlineIsTheFailureItself() {
    CalciteSignature<Object> guarded = GUARDRAILS.guardExecution(signature(root -> {
      throw new ArithmeticException("/ by zero");
    }), new GuardrailSession(5_000), ADDED);
    assertThrows(ArithmeticException.class, () -> guarded.enumerable(DataContexts.EMPTY));
  }

  @Test
  void theMetricsCountExecutionsPerRowLimitAction() {
    long before = GUARDRAILS.metrics().executions(RowLimit.Action.LOWERED);
    GUARDRAILS.guardExecution(signature(root -> Linq4j.emptyEnumerable()), new GuardrailSession(1_000),
        new RowLimit(RowLimit.Action.LOWERED, 10_000, OptionalLong.of(20_000))).enumerable(DataContexts.EMPTY);
    assertEquals(before + 1, GUARDRAILS.metrics().executions(RowLimit.Action.LOWERED));
    assertEquals("limit=10000 limit_action=lowered limit_requested=20000 timeout_ms=1000",
        GuardrailNotes.take().orElseThrow().summary());
    @SuppressWarnings("unchecked")
    Map<String, Object> limits = (Map<String, Object>) GUARDRAILS.metrics().toMap().get("rowLimit");
    assertEquals(List.of("added", "kept", "lowered", "capped"), List.copyOf(limits.keySet()));
  }

  /** Rows of a scan that checks its cancel flag as the lake scan does, and never ends by itself. */
  private static Enumerable<Object> scanUntilCancelled(DataContext root) {
    AtomicBoolean cancelled = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new Enumerator<>() {
          @Override
          public Object current() {
            return 0;
          }

          @Override
          public boolean moveNext() {
            while (!cancelled.get()) {
              Thread.onSpinWait();
            }
            throw new IllegalStateException("cancelled while scanning");
          }

          @Override
          public void reset() {
          }

          @Override
          public void close() {
          }
        };
      }
    };
  }

  private static CalciteSignature<Object> signature(org.apache.calcite.runtime.Bindable<Object> bindable) {
    return new CalciteSignature<>("select ...", List.of(), Map.of(), null, List.of(), Meta.CursorFactory.OBJECT, null,
        List.of(), -1, bindable, Meta.StatementType.SELECT);
  }
}
