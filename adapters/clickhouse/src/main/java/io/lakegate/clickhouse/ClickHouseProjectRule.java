package io.lakegate.clickhouse;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.core.Project;

/**
 * Calcite's {@link JdbcRules.JdbcProjectRule}, taking only projections whose every expression
 * (window functions included) {@link PushdownCapabilities} can translate.
 */
final class ClickHouseProjectRule extends JdbcRules.JdbcProjectRule {
  private ClickHouseProjectRule(Config config) {
    super(config);
  }

  static ClickHouseProjectRule forConvention(JdbcConvention out) {
    return Config.INSTANCE
        .withConversion(Project.class, (Project project) -> PushdownCapabilities.canPush(project.getProjects()),
            Convention.NONE, out, "ClickHouseProjectRule")
        .withRuleFactory(ClickHouseProjectRule::new)
        .toRule(ClickHouseProjectRule.class);
  }
}
