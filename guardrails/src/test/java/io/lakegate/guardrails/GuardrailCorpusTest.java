package io.lakegate.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.PolicyConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.tools.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial corpus at the level of this module: every statement case through the
 * statement rules, Calcite's parser, validator and SQL-to-rel converter, and the plan rules; every
 * connection-property case through the connection rule. What only a running gateway can show
 * (timeouts, bytes on the wire, row counts) is checked by the end-to-end runner on the same files.
 */
class GuardrailCorpusTest {
  private static final Guardrails GUARDRAILS =
      new Guardrails(TestPlanner.MODEL.schemaName(), PolicyConfig.defaults(TestPlanner.MODEL.tables()));
  /** Outcomes that only execution shows. */
  private static final List<String> RUNTIME_OUTCOMES = List.of("TIMEOUT");

  @AfterAll
  static void close() {
    GUARDRAILS.close();
  }

  static Stream<CorpusCase> statements() {
    return CorpusCase.files().stream()
        .filter(f -> !f.equals("connection-properties.tsv") && !f.equals("encoding.tsv"))
        .flatMap(f -> CorpusCase.load(f).stream())
        .filter(c -> c.expected().accepted() || !RUNTIME_OUTCOMES.contains(c.expected().rejectedBy()));
  }

  static Stream<CorpusCase> connectionProperties() {
    return CorpusCase.load("connection-properties.tsv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void statementCase(CorpusCase corpusCase) {
    String outcome = outcome(corpusCase.sql());
    CorpusCase.Expected expected = corpusCase.expected();
    String wanted = expected.accepted()
        ? "accept limit=" + expected.limit().orElseThrow()
        : "reject " + expected.rejectedBy();
    assertEquals(wanted, outcome, corpusCase.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectionProperties")
  void connectionPropertyCase(CorpusCase corpusCase) {
    String outcome;
    try {
      GUARDRAILS.openSession(properties(corpusCase.sql()));
      outcome = "accept";
    } catch (GuardrailViolation e) {
      outcome = "reject " + e.rule();
    }
    assertEquals(corpusCase.expected().accepted() ? "accept" : "reject " + corpusCase.expected().rejectedBy(), outcome,
        corpusCase.toString());
  }

  @Test
  void corpusHasAtLeast150CasesWithUniqueIds() {
    List<CorpusCase> all = CorpusCase.files().stream().flatMap(f -> CorpusCase.load(f).stream()).toList();
    assertTrue(all.size() >= 150, "corpus size " + all.size());
    assertEquals(all.size(), all.stream().map(CorpusCase::id).distinct().count(), "ids are unique");
  }

  /** {@code name=value;name=value} as a property map (the format of connection-properties.tsv). */
  static Map<String, String> properties(String text) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : text.split(";")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        properties.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return properties;
  }

  private static String outcome(String sql) {
    try {
      CheckedStatement checked = GUARDRAILS.checkStatement(sql, TestPlanner.PARSER);
      GuardedPlan plan = GUARDRAILS.rewritePlan(TestPlanner.plan(checked.sql()), checked);
      return "accept limit=" + plan.rowLimit().effective();
    } catch (GuardrailViolation e) {
      return "reject " + e.rule();
    } catch (SqlParseException e) {
      return "reject SYNTAX";
    } catch (ValidationException e) {
      return "reject VALIDATION";
    } catch (Exception e) {
      return "failed " + e;
    }
  }
}
