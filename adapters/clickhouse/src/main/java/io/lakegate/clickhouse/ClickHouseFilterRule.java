package io.lakegate.clickhouse;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.core.Filter;

/** Calcite's {@link JdbcRules.JdbcFilterRule}, taking only conditions {@link PushdownCapabilities} can translate. */
final class ClickHouseFilterRule extends JdbcRules.JdbcFilterRule {
  private ClickHouseFilterRule(Config config) {
    super(config);
  }

  static ClickHouseFilterRule forConvention(JdbcConvention out) {
    return Config.INSTANCE
        .withConversion(Filter.class, (Filter filter) -> PushdownCapabilities.canPush(filter.getCondition()),
            Convention.NONE, out, "ClickHouseFilterRule")
        .withRuleFactory(ClickHouseFilterRule::new)
        .toRule(ClickHouseFilterRule.class);
  }
}
