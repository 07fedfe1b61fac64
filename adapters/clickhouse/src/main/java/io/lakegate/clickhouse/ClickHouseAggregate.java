package io.lakegate.clickhouse;

import java.util.List;

import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.InvalidRelException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's {@link JdbcRules.JdbcAggregate}, costed at half the same aggregate in the gateway:
 * grouping where the data is saves sending every row over HTTP. Without statistics Calcite's
 * estimates of a GROUP BY of computed keys (e.g. date buckets) are nearly equal on both sides,
 * and it would otherwise pull the rows into the gateway to group them there. (Calcite discounts
 * its JDBC project and sort the same way, by 0.8 and 0.9.)
 */
final class ClickHouseAggregate extends JdbcRules.JdbcAggregate {
  private static final double COST_MULTIPLIER = 0.5;

  ClickHouseAggregate(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) throws InvalidRelException {
    super(cluster, traitSet, input, groupSet, groupSets, aggCalls);
  }

  @Override
  public ClickHouseAggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
    try {
      return new ClickHouseAggregate(getCluster(), traitSet, input, groupSet, groupSets, aggCalls);
    } catch (InvalidRelException e) {
      // The calls were valid when this node was made.
      throw new IllegalStateException(e);
    }
  }

  @Override
  public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    return cost == null ? null : cost.multiplyBy(COST_MULTIPLIER);
  }
}
