package io.lakegate.clickhouse;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.InvalidRelException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calcite's {@link JdbcRules.JdbcAggregateRule} for ClickHouse, making a {@link ClickHouseAggregate}
 * and declining what its kind-only check would let through but ClickHouse cannot run: a standard {@code PERCENTILE_CONT/DISC} (only the
 * {@link ClickHousePercentile} form made by {@link PercentileRule} is pushed) and user-defined
 * aggregates (such as the lake path's own percentile).
 */
final class ClickHouseAggregateRule extends JdbcRules.JdbcAggregateRule {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseAggregateRule.class);

  private ClickHouseAggregateRule(Config config) {
    super(config);
  }

  static ClickHouseAggregateRule forConvention(JdbcConvention out) {
    return Config.INSTANCE
        .withConversion(Aggregate.class, Convention.NONE, out, "ClickHouseAggregateRule")
        .withRuleFactory(ClickHouseAggregateRule::new)
        .toRule(ClickHouseAggregateRule.class);
  }

  @Override
  public @Nullable RelNode convert(RelNode rel) {
    Aggregate aggregate = (Aggregate) rel;
    if (aggregate.getGroupSets().size() != 1) {
      // GROUPING SETS, ROLLUP, CUBE: the JDBC adapter writes one GROUP BY (CALCITE-734)
      return null;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (!pushable(call)) {
        return null;
      }
    }
    try {
      return new ClickHouseAggregate(rel.getCluster(), aggregate.getTraitSet().replace(out),
          convert(aggregate.getInput(), out), aggregate.getGroupSet(), aggregate.getGroupSets(),
          aggregate.getAggCallList());
    } catch (InvalidRelException e) {
      LOG.debug("ClickHouse cannot take {}: {}", rel, e.getMessage());
      return null;
    }
  }

  static boolean pushable(AggregateCall call) {
    if (call.getAggregation() instanceof SqlUserDefinedAggFunction) {
      return false;
    }
    SqlKind kind = call.getAggregation().getKind();
    if (kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC) {
      return call.getAggregation() instanceof ClickHousePercentile;
    }
    // Calcite wraps the ORDER BY of any other aggregate into WITHIN GROUP, which ClickHouse lacks.
    return call.collation.getFieldCollations().isEmpty();
  }
}
