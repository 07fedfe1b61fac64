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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline around every execution: the execution's cancel flag in its data context and the
 * execution bound to the thread for backends, a scan that sees the flag turned into the TIMEOUT
 * error, backend statements cancelled at the deadline, the notes for the query log, and a statement
 * that can run again after a timeout.
 */
class ExecutionGuardTest {
  private static final Guardrails GUARDRAILS = new Guardrails("analytics",
      PolicyConfig.defaults(TestPlanner.MODEL.tables()));
  private static final RowLimit ADDED = new RowLimit(RowLimit.Action.ADDED, 100, OptionalLong.empty());

  @AfterAll
  static void close() {
    GUARDRAILS.close();
  }

  /** The gateway takes the notes after every execute request; a test that did not must not leave them to the next. */
  @BeforeEach
  void noNotesLeftOnTheThread() {
    GuardrailNotes.take();
  }

  @Test
  void anExecutionSeesAFreshCancelFlagAndNoClientSideTimeout() {
    CalciteSignature<Object> guarded = GUARDRAILS.guardExecution(signature(root -> {
      // Calcite's JDBC adapter would make a whole-second client timeout of it; backends get the deadline instead.
      assertEquals(Long.valueOf(0), DataContext.Variable.TIMEOUT.get(root));
      AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
      assertFalse(cancelFlag.get());
      return Linq4j.asEnumerable(List.<Object>of(1, 2));
    }), new GuardrailSession(250), ADDED);
    assertEquals(List.of(1, 2), guarded.enumerable(DataContexts.EMPTY).toList());
    GuardrailNotes.Note note = GuardrailNotes.take().orElseThrow();
    assertEquals(new GuardrailNotes.Note(note.queryId(), ADDED, 250), note);
    assertTrue(GuardrailNotes.take().isEmpty(), "notes are taken once");
  }

  @Test
  void everyCallIntoTheRowsRunsWithTheExecutionBoundToTheThread() {
    List<String> seen = new java.util.ArrayList<>();
    CalciteSignature<Object> guarded = GUARDRAILS.guardExecution(signature(root -> {
      seen.add("bind " + QueryExecution.current().map(QueryExecution::nextStatementId).orElse("none"));
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object> enumerator() {
          seen.add("open " + QueryExecution.current().map(QueryExecution::nextStatementId).orElse("none"));
          return new Enumerator<>() {
            private int row;

            @Override
            public Object current() {
              return row;
            }

            @Override
            public boolean moveNext() {
              seen.add("fetch " + QueryExecution.current().map(e -> e.remaining().toMillis() > 0).orElse(false));
              return ++row <= 1;
            }

            @Override
            public void reset() {
            }

            @Override
            public void close() {
              seen.add("close " + QueryExecution.current().isPresent());
            }
          };
        }
      };
    }), new GuardrailSession(5_000), ADDED);
    assertEquals(List.of(1), guarded.enumerable(DataContexts.EMPTY).toList());
    String id = GuardrailNotes.take().orElseThrow().queryId();
    assertEquals(List.of("bind " + id, "open " + id + "-2", "fetch true", "fetch true", "close true"), seen);
    assertTrue(QueryExecution.current().isEmpty(), "nothing stays bound to the thread");
  }

  @Test
  void aRunAgainInTheSameRequestKeepsTheIdOfTheFirstRun() {
    CalciteSignature<Object> guarded = GUARDRAILS.guardExecution(signature(root -> Linq4j.asEnumerable(List.of())),
        new GuardrailSession(5_000), ADDED);
    guarded.enumerable(DataContexts.EMPTY);
    String first = GuardrailNotes.pending().orElseThrow().queryId();
    guarded.enumerable(DataContexts.EMPTY);
    assertEquals(first, GuardrailNotes.take().orElseThrow().queryId(), "a failover re-run is the same query");
    guarded.enumerable(DataContexts.EMPTY);
    assertFalse(first.equals(GuardrailNotes.take().orElseThrow().queryId()), "the next request is a new query");
  }

  @Test
  void aBackendStatementIsCancelledAtTheDeadlineOffTheTimerThreadAndNotAfterTheEnd() throws Exception {
    java.util.concurrent.CompletableFuture<String> cancelled = new java.util.concurrent.CompletableFuture<>();
    CalciteSignature<Object> slow = GUARDRAILS.guardExecution(signature(root -> {
      QueryExecution.current().orElseThrow().onTimeout(() -> cancelled.complete(Thread.currentThread().getName()));
      return scanUntilCancelled(root);
    }), new GuardrailSession(100), ADDED);
    Enumerator<Object> rows = slow.enumerable(DataContexts.EMPTY).enumerator();
    assertThrows(GuardrailViolation.class, rows::moveNext);
    assertEquals("lakegate-query-cancel", cancelled.get(5, java.util.concurrent.TimeUnit.SECONDS));
    rows.close();
    GuardrailNotes.take();

    java.util.concurrent.atomic.AtomicInteger late = new java.util.concurrent.atomic.AtomicInteger();
    CalciteSignature<Object> quick = GUARDRAILS.guardExecution(signature(root -> {
      QueryExecution.current().orElseThrow().onTimeout(late::incrementAndGet);
      return Linq4j.asEnumerable(List.<Object>of(1));
    }), new GuardrailSession(100), ADDED);
    assertEquals(List.of(1), quick.enumerable(DataContexts.EMPTY).toList());
    Thread.sleep(300);
    assertEquals(0, late.get(), "a finished execution cancels nothing");
    GuardrailNotes.take();
  }

  @Test
  void aFailureWhenTheDeadlineIsDueIsTheTimeoutEvenBeforeTheTimerFired() {
    // A backend that enforced the same limit (ClickHouse's error 159) may answer a moment before the timer fires.
    QueryDeadline due = new QueryDeadline(50, System.nanoTime() - 60_000_000L, Runnable::run);
    RuntimeException e = due.failure(new IllegalStateException("Code: 159. TIMEOUT_EXCEEDED"), new GuardrailMetrics());
    assertTrue(e instanceof GuardrailViolation v && v.rule() == GuardrailRule.TIMEOUT, e.toString());
    QueryDeadline early = new QueryDeadline(60_000, System.nanoTime(), Runnable::run);
    IllegalStateException failure = new IllegalStateException("syntax");
    assertEquals(failure, early.failure(failure, new GuardrailMetrics()));
  }

  @Test
  void preparingPastTheDeadlineIsTheTimeoutAndTheFlagStopsThePlanner() throws Exception {
    long before = GUARDRAILS.metrics().rejections(GuardrailRule.TIMEOUT);
    try (PreparationDeadline preparation = GUARDRAILS.startPreparation(new GuardrailSession(100))) {
      preparation.check();
      IllegalStateException early = new IllegalStateException("cannot plan");
      assertEquals(early, preparation.failure(early), "a failure before the deadline is itself");
      long start = System.nanoTime();
      while (!preparation.cancelFlag().isCancelRequested()) {
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the planner's flag is raised at the deadline");
        Thread.sleep(10);
      }
      GuardrailViolation e = assertThrows(GuardrailViolation.class, preparation::check);
      assertEquals("guardrail TIMEOUT: planning the query took longer than its 100 ms timeout and was stopped;"
          + " simplify it (fewer UNION branches, OR conditions, joins or nested WITH queries) or split it into"
          + " several queries", e.getMessage());
      RuntimeException mapped = preparation.failure(new IllegalStateException("cannot plan"));
      assertEquals(GuardrailRule.TIMEOUT, ((GuardrailViolation) mapped).rule());
    }
    assertEquals(before + 1, GUARDRAILS.metrics().rejections(GuardrailRule.TIMEOUT), "counted once");
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
