package io.lakegate.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.PolicyConfig;
import io.lakegate.catalog.TableGrant;

import java.util.List;
import java.util.Optional;

import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan-level rules on plans Calcite builds: the table allowlist whatever the statement rules let
 * through, the column allowlist of a partly granted table through every way a query can read a
 * column, and the function rule on user-defined functions a schema could bring.
 */
class PlanRulesTest {
  /** partner_metrics entirely, commission_history in part, quote_outcomes not at all. */
  private static final Guardrails PARTIAL = new Guardrails("analytics", new PolicyConfig(List.of(
      TableGrant.allColumns("partner_metrics"),
      new TableGrant("commission_history", Optional.of(List.of("partner_id", "network", "tier")))),
      100, 10_000, 5_000, 100_000, true));

  @AfterAll
  static void close() {
    PARTIAL.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select partner_id, tier from commission_history",
      "select tier, count(*) from commission_history group by tier order by tier",
      "select count(*) from commission_history",
      "select p.partner_id, c.tier from partner_metrics p join commission_history c on c.partner_id = p.partner_id",
      "select partner_id from partner_metrics p where exists"
          + " (select 1 from commission_history c where c.partner_id = p.partner_id)",
      "select network from commission_history union select network from partner_metrics",
  })
  void grantedColumnsMayBeReadAnyWay(String sql) throws Exception {
    assertEquals(RowLimit.Action.ADDED, rewrite(PARTIAL, sql).rowLimit().action());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select * from commission_history|flat_fee|commission_rate|effective_from|effective_to|changed_at|changed_by",
      "select partner_id from commission_history where changed_by = 'x'|changed_by",
      "select upper(changed_by) from commission_history|changed_by",
      "select sum(commission_rate) from commission_history|commission_rate",
      "select tier from commission_history group by tier order by max(flat_fee)|flat_fee",
      "select count(*) filter (where flat_fee > 1) from commission_history|flat_fee",
      "select changed_at, count(*) from commission_history group by changed_at|changed_at",
      "select tier, rank() over (order by effective_from) from commission_history|effective_from",
      "select p.partner_id from partner_metrics p join commission_history c"
          + " on p.partner_id = c.partner_id and c.commission_rate > 0.1|commission_rate",
      "select partner_id from partner_metrics p where exists (select 1 from commission_history c"
          + " where c.partner_id = p.partner_id and c.flat_fee > 1)|flat_fee",
      "select partner_id from commission_history c where exists (select 1 from partner_metrics p"
          + " where p.partner_id = c.partner_id and p.giveaway > c.flat_fee)|flat_fee",
      "select (select max(changed_by) from commission_history c where c.partner_id = p.partner_id)"
          + " from partner_metrics p|changed_by",
      "select partner_id from partner_metrics where partner_id in (select cast(flat_fee as integer)"
          + " from commission_history)|flat_fee",
  })
  void aColumnOutsideTheGrantIsRefusedWhereverTheQueryReadsIt(String spec) throws Exception {
    String[] parts = spec.split("\\|");
    GuardrailViolation e = assertThrows(GuardrailViolation.class, () -> rewrite(PARTIAL, parts[0]));
    assertEquals(GuardrailRule.ALLOWLIST, e.rule());
    List<String> candidates = List.of(parts).subList(1, parts.length);
    assertTrue(candidates.stream().anyMatch(c -> e.getMessage().startsWith("guardrail ALLOWLIST: column '" + c
        + "' of table 'commission_history' is not in the allowlist; the columns that may be read are: partner_id,"
        + " network, tier (name them instead of *)")), e.getMessage());
  }

  @Test
  void aDeclaredTableOutsideTheGrantIsRefusedInThePlan() throws Exception {
    // The plan rule is the guarantee: it is given a plan the statement rules never saw.
    GuardrailViolation e = assertThrows(GuardrailViolation.class,
        () -> PARTIAL.rewritePlan(TestPlanner.plan("select * from quote_outcomes"), unchecked()));
    assertEquals("guardrail ALLOWLIST: table 'analytics.quote_outcomes' is not in the allowlist: partner_metrics,"
        + " commission_history; query only these tables of schema 'analytics'", e.getMessage());
  }

  @Test
  void calcitesMetadataSchemaIsRefusedInThePlan() throws Exception {
    GuardrailViolation e = assertThrows(GuardrailViolation.class,
        () -> PARTIAL.rewritePlan(TestPlanner.plan("select * from \"metadata\".\"TABLES\""), unchecked()));
    assertTrue(e.getMessage().startsWith("guardrail ALLOWLIST: table 'metadata.TABLES' is not in the allowlist"),
        e.getMessage());
  }

  @Test
  void userDefinedScalarFunctionsAreRefused() throws Exception {
    RelRoot plan = TestPlanner.plan("select twice(partner_id) from partner_metrics",
        schema -> schema.add("twice", ScalarFunctionImpl.create(TestFunctions.class, "twice")));
    GuardrailViolation e = assertThrows(GuardrailViolation.class, () -> PARTIAL.rewritePlan(plan, unchecked()));
    assertEquals(GuardrailRule.FUNCTION, e.rule());
    assertTrue(e.getMessage().contains("function 'twice' is not allowed"), e.getMessage());
  }

  @Test
  void userDefinedTableFunctionsAreRefused() throws Exception {
    RelRoot plan = TestPlanner.plan("select * from table(numbers(3))",
        schema -> schema.add("numbers", TableFunctionImpl.create(TestFunctions.class, "numbers")));
    GuardrailViolation e = assertThrows(GuardrailViolation.class, () -> PARTIAL.rewritePlan(plan, unchecked()));
    assertEquals(GuardrailRule.FUNCTION, e.rule());
    assertTrue(e.getMessage().contains("function 'numbers' is not allowed"), e.getMessage());
  }

  @Test
  void rejectionsAreCounted() {
    long before = PARTIAL.metrics().rejections(GuardrailRule.ALLOWLIST);
    assertThrows(GuardrailViolation.class, () -> rewrite(PARTIAL, "select * from commission_history"));
    assertEquals(before + 1, PARTIAL.metrics().rejections(GuardrailRule.ALLOWLIST));
  }

  private static GuardedPlan rewrite(Guardrails guardrails, String sql) throws Exception {
    CheckedStatement checked = guardrails.checkStatement(sql, TestPlanner.PARSER);
    return guardrails.rewritePlan(TestPlanner.plan(checked.sql()), checked);
  }

  /** A statement the statement rules did not see (the plan rules must stand on their own). */
  private static CheckedStatement unchecked() {
    return new CheckedStatement("values 1", SqlLiteral.createExactNumeric("1", SqlParserPos.ZERO), false, false);
  }
}
