package io.lakegate.clickhouse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives ClickHouse's convention a pushable form of {@code PERCENTILE_CONT/DISC(f) WITHIN GROUP
 * (ORDER BY x)}: an equivalent {@link LogicalAggregate} whose percentile calls are
 * {@link ClickHousePercentile} calls on {@code x} that carry the fraction, direction and types the
 * ClickHouse expression needs (SQL generation sees no types).
 *
 * <p>The fraction arrives as a constant input column; it is read from the input's pulled-up
 * predicates. The rule declines what it cannot translate (no constant, FILTER, DISTINCT, several
 * grouping sets); the original aggregate then stays in Calcite.
 */
final class PercentileRule extends RelRule<SimpleRuleConfig> {
  static final PercentileRule INSTANCE = (PercentileRule) new SimpleRuleConfig(RelFactories.LOGICAL_BUILDER,
      "ClickHousePercentileRule",
      b -> b.operand(LogicalAggregate.class)
          .predicate(aggregate -> aggregate.getGroupSets().size() == 1
              && aggregate.getAggCallList().stream().anyMatch(PercentileRule::isStandardPercentile))
          .anyInputs(),
      PercentileRule::new).toRule();

  private PercentileRule(SimpleRuleConfig config) {
    super(config);
  }

  /** The standard call as the validator makes it: one ORDER BY key, the fraction as the one argument. */
  static boolean isStandardPercentile(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return (kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC)
        && !(call.getAggregation() instanceof ClickHousePercentile)
        && call.getArgList().size() == 1
        && call.collation.getFieldCollations().size() == 1;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggCall : aggregate.getAggCallList()) {
      if (!isStandardPercentile(aggCall)) {
        calls.add(aggCall);
        continue;
      }
      AggregateCall rewritten = rewrite(aggregate, aggCall, call.getMetadataQuery());
      if (rewritten == null) {
        return;
      }
      calls.add(rewritten);
    }
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
        aggregate.getGroupSets(), calls));
  }

  private static @Nullable AggregateCall rewrite(Aggregate aggregate, AggregateCall call, RelMetadataQuery mq) {
    if (call.hasFilter() || call.isDistinct()) {
      return null;
    }
    RexNode constant = mq.getPulledUpPredicates(aggregate.getInput()).constantMap
        .get(RexInputRef.of(call.getArgList().get(0), aggregate.getInput().getRowType()));
    BigDecimal fraction = constant instanceof RexLiteral literal ? literal.getValueAs(BigDecimal.class) : null;
    if (fraction == null || fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      return null;
    }
    RelFieldCollation order = call.collation.getFieldCollations().get(0);
    RelDataType valueType = aggregate.getInput().getRowType().getFieldList().get(order.getFieldIndex()).getType();
    RelDataType resultType = aggregate.getCluster().getTypeFactory().createTypeWithNullability(call.getType(), false);
    ClickHousePercentile function = new ClickHousePercentile(call.getAggregation().getKind() == SqlKind.PERCENTILE_CONT,
        fraction, order.getDirection().isDescending(), valueType, call.getType(), resultType);
    return AggregateCall.create(call.getParserPosition(), function, false, false, call.ignoreNulls(), List.of(),
        List.of(order.getFieldIndex()), -1, call.distinctKeys, call.collation, call.getType(), call.getName());
  }
}
