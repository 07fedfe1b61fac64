package io.lakegate.clickhouse;

import java.util.List;

import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's {@link JdbcToEnumerableConverter} (it generates the SQL, runs it, reads the rows),
 * with the cost of what it really does: every row it returns crossed HTTP and was decoded in the
 * gateway. Calcite costs it at a tenth of a row each, so with its default estimates a plan that
 * pulls rows into the gateway to join, group or sort them there often costs no more than one that
 * lets ClickHouse do it, and the planner picks either (measured: a GROUP BY of date buckets, a
 * semi-join). At {@value #COST_PER_ROW} per row, plans that reduce rows in ClickHouse win.
 */
final class ClickHouseToEnumerableConverter extends JdbcToEnumerableConverter {
  static final double COST_PER_ROW = 10;

  ClickHouseToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ClickHouseToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    return planner.getCostFactory().makeCost(rows * COST_PER_ROW, rows * COST_PER_ROW, 0);
  }
}
