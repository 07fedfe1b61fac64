package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.PolicyConfig;
import io.lakegate.guardrails.GuardrailNotes;
import io.lakegate.guardrails.GuardrailRule;
import io.lakegate.guardrails.GuardrailSession;
import io.lakegate.guardrails.GuardrailViolation;
import io.lakegate.guardrails.Guardrails;
import io.lakegate.guardrails.RowLimit;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.calcite.DataContexts;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements sent for a query execution of the guardrails carry it to ClickHouse (read from the
 * engine's statement log): the execution's id as {@code query_id}, the time it has left as
 * {@code max_execution_time} to the millisecond, and a query still running at the deadline is
 * stopped on the server, not just abandoned by the gateway.
 */
class StatementDeadlineTest {
  private static final Guardrails GUARDRAILS = new Guardrails("analytics",
      PolicyConfig.defaults(ClickHouseFixture.get().model.tables()));
  private static final String RUNAWAY = "SELECT count() FROM system.numbers";

  @AfterAll
  static void close() {
    GUARDRAILS.close();
  }

  @BeforeEach
  void noNotesLeftOnTheThread() {
    GuardrailNotes.take();
  }

  @Test
  void aPushedDownQueryCarriesTheExecutionsIdAndTheTimeItHasLeft() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    long before = PushdownEquivalenceTest.lastSeq(fixture);
    List<Object> rows;
    // Planned before the execution starts, as the gateway does.
    try (PreparedStatement statement = fixture.clickhouse.prepareStatement(
        "SELECT network, COUNT(*) AS n FROM commission_history GROUP BY network ORDER BY network")) {
      rows = execute(3_000, () -> {
        List<Object> networks = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            networks.add(rs.getString(1));
          }
        }
        return networks;
      });
    }
    assertEquals(5, rows.size(), rows.toString());
    String id = GuardrailNotes.take().orElseThrow().queryId();
    StatementRecord received = receivedAfter(fixture, before).stream()
        .filter(s -> s.sql().contains("commission_history")).findFirst().orElseThrow();
    assertEquals(id, received.queryId(), "ClickHouse's query_id is the gateway's query id");
    String limit = received.settings().get(StatementDeadline.MAX_EXECUTION_TIME);
    assertTrue(limit.matches("\\d\\.\\d{3}") && Double.parseDouble(limit) > 1 && Double.parseDouble(limit) <= 3,
        "max_execution_time is what the 3000 ms execution had left, in seconds to the millisecond: " + limit);
  }

  @Test
  void aStatementOutsideAnExecutionHasTheSessionLimitAndAnIdOfItsOwn() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    long before = PushdownEquivalenceTest.lastSeq(fixture);
    try (Connection connection = fixture.backend.dataSource().getConnection();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT 42")) {
      assertTrue(rs.next());
    }
    StatementRecord received = receivedAfter(fixture, before).stream()
        .filter(s -> s.sql().equals("SELECT 42")).findFirst().orElseThrow();
    assertEquals("5", received.settings().get(StatementDeadline.MAX_EXECUTION_TIME));
    assertEquals(36, received.queryId().length(), received.queryId());
  }

  @Test
  void aQueryRunningAtTheDeadlineIsStoppedOnTheServer() {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    long before = PushdownEquivalenceTest.lastSeq(fixture);
    long start = System.nanoTime();
    GuardrailViolation e = assertThrows(GuardrailViolation.class, () -> execute(800, () -> {
      try (Connection connection = fixture.backend.dataSource().getConnection();
           Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery(RUNAWAY)) {
        return List.of(rs.next());
      }
    }));
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(GuardrailRule.TIMEOUT, e.rule());
    assertTrue(waitedMs < 2_500, "the gateway waited " + waitedMs + " ms for an 800 ms query");
    String id = GuardrailNotes.take().orElseThrow().queryId();
    StatementRecord received = receivedAfter(fixture, before).stream()
        .filter(s -> s.queryId().equals(id)).findFirst().orElseThrow();
    assertEquals(RUNAWAY, received.sql());
    assertTrue(Double.parseDouble(received.settings().get(StatementDeadline.MAX_EXECUTION_TIME)) <= 0.8,
        received.settings().toString());
    // 159 TIMEOUT_EXCEEDED: ClickHouse's own limit; 394 QUERY_WAS_CANCELLED: the gateway's KILL QUERY.
    assertTrue(received.errorCode() == 159 || received.errorCode() == 394, received.toString());
    assertTrue(received.elapsedMs() < 1_500, "ClickHouse ran the query for " + received.elapsedMs() + " ms");
  }

  @Test
  void nothingIsSentOnceTheDeadlineHasPassed() {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    long before = PushdownEquivalenceTest.lastSeq(fixture);
    GuardrailViolation e = assertThrows(GuardrailViolation.class, () -> execute(1, () -> {
      TimeUnit.MILLISECONDS.sleep(20);
      try (Connection connection = fixture.backend.dataSource().getConnection();
           Statement statement = connection.createStatement()) {
        return List.of(statement.execute("SELECT 1"));
      }
    }));
    assertTrue(e.getCause() instanceof RuntimeException r && r.getCause() instanceof SQLTimeoutException,
        String.valueOf(e.getCause()));
    String id = GuardrailNotes.take().orElseThrow().queryId();
    assertFalse(receivedAfter(fixture, before).stream().anyMatch(s -> s.queryId().startsWith(id)));
  }

  @Test
  void secondsKeepMilliseconds() {
    assertEquals("0.950", StatementDeadline.seconds(950));
    assertEquals("5.000", StatementDeadline.seconds(5_000));
    assertEquals("0.001", StatementDeadline.seconds(1));
  }

  /** Work on this thread, that JDBC code of a test may throw. */
  private interface Work {
    List<Object> run() throws Exception;
  }

  /** Runs {@code work} as one execution of a prepared statement under the guardrails, with a timeout of {@code timeoutMs}. */
  private static List<Object> execute(long timeoutMs, Work work) {
    Bindable<Object> bindable = root -> {
      try {
        return Linq4j.asEnumerable(work.run());
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    };
    CalciteSignature<Object> signature = new CalciteSignature<>("test", List.of(), Map.of(), null, List.of(),
        Meta.CursorFactory.OBJECT, null, List.of(), -1, bindable, Meta.StatementType.SELECT);
    Enumerable<Object> rows = GUARDRAILS.guardExecution(signature, new GuardrailSession(timeoutMs), RowLimit.NONE)
        .enumerable(DataContexts.EMPTY);
    return rows.toList();
  }

  private static List<StatementRecord> receivedAfter(ClickHouseFixture fixture, long seq) {
    return fixture.engine.statements().stream().filter(s -> s.seq() > seq).toList();
  }
}
