package io.lakegate.clickhouse;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.sql.SqlDialect;

/**
 * The JDBC convention of one ClickHouse schema: Calcite's JDBC rules, with ClickHouse's own
 * project, filter and aggregate rules (which decline what ClickHouse would answer differently), a
 * converter costed by the rows it transfers,
 * the percentile and semi-join rewrites, and one correction to the planner's rule set.
 *
 * <p>The correction: Calcite's {@code ProjectToWindowRule} matches any {@code Project}, including a
 * {@code JdbcProject} that carries window functions, and turns it into a {@code LogicalWindow}
 * with the JDBC convention, which the planner rejects ("does not implement the required interface
 * JdbcRel"). It is replaced, in the planners this convention joins, by the same rule restricted to
 * {@link LogicalProject}; the Enumerable engine gets exactly the windows it got before.
 */
final class ClickHouseConvention extends JdbcConvention {
  static final RelOptRule LOGICAL_PROJECT_TO_WINDOW =
      ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT
          .withOperandSupplier(b -> b.operand(LogicalProject.class).predicate(Project::containsOver).anyInputs())
          .withDescription("ProjectToWindowRule:logicalProject")
          .toRule();

  ClickHouseConvention(SqlDialect dialect, Expression expression, String name) {
    super(dialect, expression, name);
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : JdbcRules.rules(this)) {
      if (!(rule instanceof JdbcRules.JdbcAggregateRule || rule instanceof JdbcRules.JdbcProjectRule
          || rule instanceof JdbcRules.JdbcFilterRule || rule instanceof JdbcToEnumerableConverterRule)) {
        planner.addRule(rule);
      }
    }
    planner.addRule(ClickHouseToEnumerableConverterRule.forConvention(this));
    planner.addRule(ClickHouseProjectRule.forConvention(this));
    planner.addRule(ClickHouseFilterRule.forConvention(this));
    planner.addRule(ClickHouseAggregateRule.forConvention(this));
    planner.addRule(PercentileRule.INSTANCE);
    planner.addRule(SemiJoinRule.INSTANCE);
    planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
    planner.addRule(CoreRules.PROJECT_REMOVE);
    if (planner.removeRule(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)) {
      planner.addRule(LOGICAL_PROJECT_TO_WINDOW);
    }
  }
}
