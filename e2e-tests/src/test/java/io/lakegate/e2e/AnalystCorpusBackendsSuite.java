package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lakegate.failover.Backend;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One behaviour suite, two backends: every query of the analyst corpus runs through the thin driver
 * on a gateway routed to ClickHouse and on the lake gateway over the same files, and must give the
 * same columns (labels and JDBC types) and the same rows ({@link QueryAnswer}: as lists when the
 * corpus marks the query {@code -- ordered}, as multisets otherwise, doubles within a documented
 * tolerance). It must also be pushed down whole: ClickHouse's statement log shows exactly one
 * successful statement for it, and the gateway's plan is that one statement and nothing else
 * (no operator computed in the gateway). The known exceptions are listed with their reasons in
 * {@code corpus/pushdown-exceptions.tsv}; a listed query must still behave as listed, so that the
 * list cannot go stale, and the suite reports the coverage (N of M fully pushed).
 *
 * <p>One subclass per ClickHouse endpoint supplies the two gateways; the suite only uses
 * {@link ClickHouseGateway#queriesAfter}, which works for the test engine and a real server alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AnalystCorpusBackendsSuite {
  /** What the ClickHouse path did for each corpus query, filled in as the queries run. */
  private final Map<String, Pushdown> measured = new ConcurrentHashMap<>();
  private final Map<String, PushdownExceptions.Entry> exceptions = PushdownExceptions.load();

  /** The gateway routed to ClickHouse. */
  protected abstract ClickHouseGateway clickhouse();

  /** The gateway on the lake path, over the same files. */
  protected abstract LakegateFixture lake();

  /**
   * What ClickHouse received for one query and whether the gateway's plan was that statement alone.
   *
   * @param statements statements ClickHouse received (housekeeping excluded)
   * @param failed how many of them failed
   * @param wholePlanInClickHouse whether the plan is one ClickHouse converter with only pushed operators under it
   * @param plan the plan, for messages
   */
  record Pushdown(int statements, long failed, boolean wholePlanInClickHouse, String plan) {
    boolean full() {
      return statements == 1 && failed == 0 && wholePlanInClickHouse;
    }
  }

  Stream<AnalystCorpus.Query> corpus() {
    return AnalystCorpus.queries().stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void sameAnswerOnBothBackendsAndPushedDownWhole(AnalystCorpus.Query query) throws SQLException {
    QueryAnswer fromLake;
    try (Connection c = lake().connect()) {
      fromLake = QueryAnswer.run(c, query.sql());
    }
    ClickHouseGateway clickhouse = clickhouse();
    String plan;
    try (Connection c = clickhouse.connect()) {
      plan = explain(c, query.sql());
    }
    long lakeAnswers = lakeAnswers();
    long before = clickhouse.lastStatement();
    QueryAnswer fromClickHouse;
    try (Connection c = clickhouse.connect()) {
      fromClickHouse = QueryAnswer.run(c, query.sql());
    } catch (SQLException e) {
      throw new AssertionError(query.name() + " fails on the ClickHouse path: " + e.getMessage()
          + "\nClickHouse received: " + describe(clickhouse.queriesAfter(before)), e);
    }
    List<StatementRecord> received = clickhouse.queriesAfter(before);
    Pushdown pushdown = new Pushdown(received.size(), received.stream().filter(s -> !s.succeeded()).count(),
        isWholePlanInClickHouse(plan), plan);
    measured.put(query.name(), pushdown);

    assertEquals(lakeAnswers, lakeAnswers(), () -> query.name() + " was answered by the lake, not ClickHouse"
        + " (the gateway found ClickHouse unavailable); nothing about pushdown can be said");
    assertNull(fromLake.difference(fromClickHouse, query.ordered()),
        () -> query.name() + ": lake vs ClickHouse\nClickHouse received: " + describe(received));

    PushdownExceptions.Entry listed = exceptions.get(query.name());
    if (listed == null) {
      assertTrue(pushdown.full(), () -> query.name() + " is not pushed down whole (and not listed in"
          + " pushdown-exceptions.tsv): " + received.size() + " statement(s), " + pushdown.failed() + " failed, plan:\n"
          + plan + "\nClickHouse received: " + describe(received));
    } else {
      assertEquals(listed.statements(), pushdown.statements(), () -> query.name() + " is listed in"
          + " pushdown-exceptions.tsv with " + listed.statements() + " statement(s) (" + listed.reason()
          + ") but ClickHouse received: " + describe(received) + "\nplan:\n" + plan);
      assertEquals(0, pushdown.failed(), () -> query.name() + ": a statement failed: " + describe(received));
      assertTrue(!pushdown.full(), () -> query.name() + " is now pushed down whole: remove it from"
          + " pushdown-exceptions.tsv (listed because: " + listed.reason() + ")");
    }
  }

  /** Runs after the corpus: every listed exception names a corpus query, and the coverage is what the list says. */
  @Order(2)
  @Test
  void pushdownCoverage(TestReporter reporter) {
    List<AnalystCorpus.Query> corpus = AnalystCorpus.queries();
    Set<String> names = corpus.stream().map(AnalystCorpus.Query::name).collect(Collectors.toSet());
    List<String> unknown = exceptions.keySet().stream().filter(n -> !names.contains(n)).toList();
    assertTrue(unknown.isEmpty(), () -> "pushdown-exceptions.tsv lists queries the corpus does not have: " + unknown);

    if (measured.size() < corpus.size()) {
      fail("only " + measured.size() + " of " + corpus.size() + " corpus queries reached the ClickHouse path;"
          + " see the failures above (coverage needs every query)");
    }
    long full = measured.values().stream().filter(Pushdown::full).count();
    List<String> lines = new ArrayList<>();
    lines.add("pushdown coverage: " + full + " of " + corpus.size()
        + " corpus queries fully pushed down to ClickHouse (one statement, nothing computed in the gateway)");
    for (PushdownExceptions.Entry e : exceptions.values()) {
      Pushdown seen = measured.get(e.name());
      lines.add("  not fully pushed: " + e.name() + " (" + seen.statements() + " statement(s)"
          + (seen.wholePlanInClickHouse() ? "" : ", part computed in the gateway") + "): " + e.reason());
    }
    String summary = String.join("\n", lines);
    reporter.publishEntry("pushdown-coverage", summary);
    // The run's log is where people look for the number (failsafe keeps stdout in the report).
    System.out.println(summary);
    assertEquals(corpus.size() - exceptions.size(), full, summary);
  }

  /** The physical plan the gateway would run for {@code sql}. */
  private static String explain(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
      return plan.toString();
    }
  }

  /**
   * Whether the plan is one {@code ClickHouseToEnumerableConverter} at the root with only pushed
   * operators below it: the gateway then only streams ClickHouse's rows to the caller.
   */
  static boolean isWholePlanInClickHouse(String plan) {
    String trimmed = plan.strip();
    return trimmed.startsWith("ClickHouseToEnumerableConverter")
        && trimmed.split("Enumerable", -1).length - 1 == 1
        && !trimmed.contains("Bindable")
        && !trimmed.contains("Logical");
  }

  private long lakeAnswers() {
    return clickhouse().server().failover().metrics().answeredBy(Backend.LAKE);
  }

  private static String describe(List<StatementRecord> statements) {
    if (statements.isEmpty()) {
      return "nothing";
    }
    StringBuilder text = new StringBuilder();
    for (StatementRecord s : statements) {
      text.append("\n  #").append(s.seq()).append(' ').append(s.outcome())
          .append(s.succeeded() ? "" : " " + s.errorCode() + " " + s.error())
          .append(", ").append(s.resultRows()).append(" rows: ").append(s.sql().replace('\n', ' '));
    }
    return text.toString();
  }
}
