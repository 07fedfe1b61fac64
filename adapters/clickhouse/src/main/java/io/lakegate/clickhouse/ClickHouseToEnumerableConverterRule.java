package io.lakegate.clickhouse;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Calcite's {@link JdbcToEnumerableConverterRule}, making a {@link ClickHouseToEnumerableConverter}. */
final class ClickHouseToEnumerableConverterRule extends JdbcToEnumerableConverterRule {
  private ClickHouseToEnumerableConverterRule(Config config) {
    super(config);
  }

  static ClickHouseToEnumerableConverterRule forConvention(JdbcConvention from) {
    return Config.INSTANCE
        .withConversion(RelNode.class, from, EnumerableConvention.INSTANCE, "ClickHouseToEnumerableConverterRule")
        .withRuleFactory(ClickHouseToEnumerableConverterRule::new)
        .toRule(ClickHouseToEnumerableConverterRule.class);
  }

  @Override
  public @Nullable RelNode convert(RelNode rel) {
    return new ClickHouseToEnumerableConverter(rel.getCluster(), rel.getTraitSet().replace(getOutTrait()), rel);
  }
}
