package io.lakegate.functions;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that makes {@code PERCENTILE_CONT} and {@code PERCENTILE_DISC}
 * runnable on Calcite 1.42's Enumerable engine, which has no implementation
 * for them: {@code EnumerableAggregate} refuses such an aggregate and
 * planning ends in {@code CannotPlanException}.
 *
 * <p>It matches a {@link LogicalAggregate} with at least one standard
 * {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x [DESC])} call and
 * replaces each such call by a call of a {@link PercentileAggFunction} on
 * {@code x}, leaving every other call, the grouping and {@code FILTER}
 * untouched. The result type stays the one Calcite's validator derived, so
 * the rewritten aggregate is an exact equivalent the planner can implement.
 *
 * <p>The fraction reaches the aggregate as a projected literal column
 * (that is how {@code SqlToRelConverter} translates the call); the rule reads
 * it through the input's pulled-up constant predicates, so it is found even
 * when other operators sit between the projection and the aggregate.
 * Calcite's validator has already rejected non-literal and out-of-range
 * fractions; if the rule still cannot find a constant it declines, like any
 * rule that cannot handle its match.
 *
 * <p>Only {@code LogicalAggregate} is matched, so aggregates that another
 * convention (the ClickHouse pushdown) can take over are left to it.
 */
final class PercentileAggregateRule extends RelRule<RuleConfig> {
  private static final Logger LOG = LoggerFactory.getLogger(PercentileAggregateRule.class);

  /** The rule with its default configuration. */
  static final PercentileAggregateRule INSTANCE = (PercentileAggregateRule) new RuleConfig(
      RelFactories.LOGICAL_BUILDER, "LakegatePercentileAggregateRule",
      b -> b.operand(LogicalAggregate.class)
          .predicate(aggregate -> aggregate.getAggCallList().stream()
              .anyMatch(PercentileAggregateRule::isPercentile))
          .anyInputs(),
      PercentileAggregateRule::new).toRule();

  private PercentileAggregateRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    RelMetadataQuery mq = call.getMetadataQuery();
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggCall : aggregate.getAggCallList()) {
      if (!isPercentile(aggCall)) {
        calls.add(aggCall);
        continue;
      }
      AggregateCall rewritten = rewrite(aggregate, aggCall, mq);
      if (rewritten == null) {
        return;
      }
      calls.add(rewritten);
    }
    call.transformTo(
        aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
            aggregate.getGroupSets(), calls));
  }

  /** Whether a call is the standard, one-argument {@code WITHIN GROUP} form. */
  static boolean isPercentile(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return (kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC)
        && !(call.getAggregation() instanceof PercentileAggFunction)
        && call.getArgList().size() == 1
        && call.collation.getFieldCollations().size() == 1;
  }

  /** Returns the literal that column {@code index} of {@code input} always holds, or null. */
  private static @Nullable RexLiteral constant(RelNode input, int index, RelMetadataQuery mq) {
    RexNode value = mq.getPulledUpPredicates(input).constantMap
        .get(RexInputRef.of(index, input.getRowType()));
    return value instanceof RexLiteral ? (RexLiteral) value : null;
  }

  private static @Nullable AggregateCall rewrite(Aggregate aggregate, AggregateCall call,
      RelMetadataQuery mq) {
    boolean continuous = call.getAggregation().getKind() == SqlKind.PERCENTILE_CONT;
    RexLiteral fraction = constant(aggregate.getInput(), call.getArgList().get(0), mq);
    if (fraction == null) {
      LOG.debug("declining {}: its fraction is not a constant", call);
      return null;
    }
    BigDecimal value = fraction.getValueAs(BigDecimal.class);
    if (value == null) {
      LOG.debug("declining {}: its fraction is not numeric", call);
      return null;
    }
    if (PercentileTarget.of(call.getType()) == null) {
      LOG.debug("declining {}: no percentile of type {}", call, call.getType());
      return null;
    }
    RelFieldCollation order = call.collation.getFieldCollations().get(0);
    Percentile percentile =
        new Percentile(continuous, value, order.getDirection().isDescending());
    return AggregateCall.create(call.getParserPosition(),
        new PercentileAggFunction(percentile, call.getType()),
        call.isDistinct(), call.isApproximate(), call.ignoreNulls(), List.of(),
        List.of(order.getFieldIndex()), call.filterArg, call.distinctKeys,
        RelCollations.EMPTY, call.getType(), call.getName());
  }
}
