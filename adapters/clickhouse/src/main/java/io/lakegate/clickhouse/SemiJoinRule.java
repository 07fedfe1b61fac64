package io.lakegate.clickhouse;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * Gives ClickHouse's convention a pushable form of a semi-join ({@code IN (subquery)},
 * {@code EXISTS}), which Calcite's JDBC join rule refuses: an inner join with the distinct join keys
 * of the right side, keeping the left side's columns. Only for pure equi-joins that never match
 * NULLs: each left row then meets at most one distinct key, so no row is doubled.
 */
final class SemiJoinRule extends RelRule<SimpleRuleConfig> {
  static final SemiJoinRule INSTANCE = (SemiJoinRule) new SimpleRuleConfig(RelFactories.LOGICAL_BUILDER,
      "ClickHouseSemiJoinRule",
      b -> b.operand(LogicalJoin.class).predicate(join -> join.getJoinType() == JoinRelType.SEMI).anyInputs(),
      SemiJoinRule::new).toRule();

  private SemiJoinRule(SimpleRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    RexNode rest = RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys,
        rightKeys, filterNulls);
    if (!rest.isAlwaysTrue() || leftKeys.isEmpty() || filterNulls.contains(false)) {
      return;
    }
    RelBuilder builder = call.builder();
    builder.push(join.getLeft());
    builder.push(join.getRight()).aggregate(builder.groupKey(builder.fields(rightKeys)));
    List<RexNode> equalities = new ArrayList<>();
    for (int i = 0; i < leftKeys.size(); i++) {
      equalities.add(builder.equals(builder.field(2, 0, leftKeys.get(i)), builder.field(2, 1, i)));
    }
    builder.join(JoinRelType.INNER, equalities);
    builder.project(builder.fields().subList(0, join.getLeft().getRowType().getFieldCount()));
    call.transformTo(builder.build());
  }
}
