package io.lakegate.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.PolicyConfig;

import java.util.List;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The messages of the statement-level rules, and the text Calcite is given. */
class StatementRulesTest {
  private static final Guardrails GUARDRAILS = new Guardrails("analytics",
      PolicyConfig.defaults(TestPlanner.MODEL.tables()));
  private static final Guardrails NO_EXPLAIN = new Guardrails("analytics",
      new PolicyConfig(PolicyConfig.defaults(TestPlanner.MODEL.tables()).tables(), 100, 10_000, 5_000, 50, false));

  @AfterAll
  static void close() {
    GUARDRAILS.close();
    NO_EXPLAIN.close();
  }

  @Test
  void readOnlyNamesWhatWasSentAndWhatIsAccepted() {
    assertEquals("guardrail READ_ONLY: the gateway is read-only and accepts only queries (SELECT, WITH, VALUES,"
        + " TABLE, UNION/INTERSECT/EXCEPT, EXPLAIN PLAN FOR), not DELETE; ask with a SELECT (tables cannot be changed"
        + " and connection settings are fixed by the gateway)", reject("delete from partner_metrics").getMessage());
    assertTrue(reject("alter session set x = 1").getMessage().contains("not SET / ALTER SESSION / RESET;"));
    assertTrue(reject("  /* c */ DROP table partner_metrics").getMessage().contains("not DROP;"));
  }

  @Test
  void aStatementThatDoesNotParseStaysAParseErrorUnlessItsFirstWordExplainsIt() {
    assertThrows(SqlParseException.class, () -> GUARDRAILS.checkStatement("selec 1", TestPlanner.PARSER));
    assertEquals(GuardrailRule.READ_ONLY, reject("create table t (a int)").rule());
  }

  @Test
  void aTrailingSemicolonIsLeftOutOfWhatCalcitePrepares() throws Exception {
    assertEquals("select 1 ", GUARDRAILS.checkStatement("select 1 ; -- end", TestPlanner.PARSER).sql());
    assertEquals("select\t1", GUARDRAILS.checkStatement("select\t1;", TestPlanner.PARSER).sql());
    assertEquals("select 1\r\nfrom partner_metrics",
        GUARDRAILS.checkStatement("select 1\r\nfrom partner_metrics;\r\n", TestPlanner.PARSER).sql());
    assertEquals("select 2", GUARDRAILS.checkStatement("select 2", TestPlanner.PARSER).sql());
  }

  @Test
  void parserPositionsBecomeOffsets() {
    assertEquals(9, SingleStatementRule.offset("select 1\n;", new SqlParserPos(2, 1)));
    assertEquals(3, SingleStatementRule.offset("a\r\nb", new SqlParserPos(2, 1)));
    assertEquals(-1, SingleStatementRule.offset("a", new SqlParserPos(3, 1)));
  }

  @Test
  void explainCanBeTurnedOffAndSoCanLongStatements() {
    assertEquals("guardrail EXPLAIN: EXPLAIN is disabled by the gateway's policy; run the query itself",
        assertThrows(GuardrailViolation.class,
            () -> NO_EXPLAIN.checkStatement("explain plan for select 1", TestPlanner.PARSER)).getMessage());
    GuardrailViolation e = assertThrows(GuardrailViolation.class,
        () -> NO_EXPLAIN.checkStatement("select 1 /*" + "x".repeat(60) + "*/", TestPlanner.PARSER));
    assertEquals(GuardrailRule.STATEMENT_LENGTH, e.rule());
    assertTrue(e.getMessage().contains("the statement has 73 characters, more than the 50 allowed"), e.getMessage());
  }

  @Test
  void theCheckedStatementKnowsWhetherItsOutermostQueryHasALimit() throws Exception {
    assertTrue(GUARDRAILS.checkStatement("select 1 limit 3", TestPlanner.PARSER).ownLimit());
    assertTrue(GUARDRAILS.checkStatement("with t as (select 1) select * from t limit 3", TestPlanner.PARSER).ownLimit());
    assertTrue(GUARDRAILS.checkStatement("explain plan for select 1 fetch first 2 rows only", TestPlanner.PARSER)
        .ownLimit());
    assertFalse(GUARDRAILS.checkStatement("select * from (select 1 limit 3) t", TestPlanner.PARSER).ownLimit());
    assertFalse(GUARDRAILS.checkStatement("select 1 order by 1 offset 1 rows", TestPlanner.PARSER).ownLimit());
  }

  @Test
  void theSameTreeIsRequiredOfCalcitesParse() throws Exception {
    CheckedStatement checked = GUARDRAILS.checkStatement("select 1", TestPlanner.PARSER);
    checked.requireSameTree(org.apache.calcite.sql.parser.SqlParser.create("select 1", TestPlanner.PARSER).parseStmt());
    assertThrows(IllegalStateException.class, () -> checked.requireSameTree(
        org.apache.calcite.sql.parser.SqlParser.create("select 2", TestPlanner.PARSER).parseStmt()));
  }

  @Test
  void theAllowedConnectionPropertiesArePublished() {
    assertEquals(List.of("user", "password", "lakegate.timeout_ms"), Guardrails.ALLOWED_CONNECTION_PROPERTIES);
    assertEquals(new GuardrailSession(1_500), GUARDRAILS.openSession(java.util.Map.of("lakegate.timeout_ms", "1500")));
    assertEquals(new GuardrailSession(5_000), GUARDRAILS.openSession(java.util.Map.of("user", "ann")));
  }

  private static GuardrailViolation reject(String sql) {
    return assertThrows(GuardrailViolation.class, () -> GUARDRAILS.checkStatement(sql, TestPlanner.PARSER));
  }
}
