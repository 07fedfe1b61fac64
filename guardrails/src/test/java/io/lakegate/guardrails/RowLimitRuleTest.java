package io.lakegate.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.PolicyConfig;

import java.util.Optional;
import java.util.OptionalLong;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Sort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the row-limit rule does to the root of a plan, and only to the root. */
class RowLimitRuleTest {
  private static final Guardrails GUARDRAILS = new Guardrails("analytics",
      PolicyConfig.defaults(TestPlanner.MODEL.tables()));

  @AfterAll
  static void close() {
    GUARDRAILS.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "select quote_id from quote_outcomes|ADDED|100|",
      "select quote_id from quote_outcomes limit 7|KEPT|7|7",
      "select quote_id from quote_outcomes limit 20000|LOWERED|10000|20000",
      "select quote_id from quote_outcomes limit ?|CAPPED|10000|",
      "select * from (select quote_id from quote_outcomes limit 500) t|ADDED|100|",
      "select * from (select quote_id from quote_outcomes limit 50000) t|ADDED|100|",
      "with q as (select quote_id from quote_outcomes) select * from q limit 3|KEPT|3|3",
      "select quote_id from quote_outcomes union all select quote_id from quote_outcomes|ADDED|100|",
  })
  void theRootGetsItsLimit(String sql, RowLimit.Action action, long effective, Long requested) throws Exception {
    RowLimit limit = rewrite(sql).rowLimit();
    assertEquals(new RowLimit(action, effective, requested == null ? OptionalLong.empty() : OptionalLong.of(requested)),
        limit);
  }

  @Test
  void aLoweredLimitKeepsTheOrderAndTheOffset() throws Exception {
    GuardedPlan plan = rewrite("select quote_id from quote_outcomes order by quote_id desc limit 20000 offset 5");
    Sort root = (Sort) plan.root().rel;
    assertEquals("[0 DESC]", root.getCollation().getFieldCollations().toString());
    assertEquals("5", root.offset.toString());
    assertEquals("10000", root.fetch.toString());
    assertEquals(Optional.of("guardrail ROW_LIMIT: LIMIT 20000 lowered to the maximum of 10000 rows"),
        plan.rowLimit().warning());
  }

  @Test
  void anOrderWithoutALimitGetsTheDefaultOnTheSameSort() throws Exception {
    GuardedPlan plan = rewrite("select quote_id from quote_outcomes order by quote_id offset 10 rows");
    Sort root = (Sort) plan.root().rel;
    assertEquals("[0]", root.getCollation().getFieldCollations().toString());
    assertEquals("10", root.offset.toString());
    assertEquals("100", root.fetch.toString());
    assertTrue(plan.rowLimit().warning().isEmpty());
  }

  @Test
  void aLimitInsideASubQueryKeepsItsMeaningUnderTheRootLimit() throws Exception {
    String plan = RelOptUtil.toString(rewrite("select * from (select quote_id from quote_outcomes limit 500) t")
        .root().rel);
    assertTrue(plan.startsWith("LogicalSort(fetch=[100])\n") && plan.contains("  LogicalSort(fetch=[500])\n"), plan);
  }

  private static GuardedPlan rewrite(String sql) throws Exception {
    CheckedStatement checked = GUARDRAILS.checkStatement(sql, TestPlanner.PARSER);
    return GUARDRAILS.rewritePlan(TestPlanner.plan(checked.sql()), checked);
  }
}
