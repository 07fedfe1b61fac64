package io.lakegate.functions;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Replacement for Calcite's {@link EnumerableRules#ENUMERABLE_WINDOW_RULE}
 * that converts a {@link LogicalWindow} to an {@code EnumerableWindow} only
 * when the Enumerable engine can really compute every call in it.
 *
 * <p>Calcite 1.42's rule converts any window, so four kinds of plans slip
 * through: windows with a function that has no window implementation
 * ({@code PERCENT_RANK}, {@code CUME_DIST}), which fail when the plan is
 * compiled ("Unable to implement EnumerableSort ..."); windows with a
 * DISTINCT aggregate, which run and silently ignore DISTINCT; RANGE frames
 * whose offsets the engine applies wrongly ({@link RangeFrames}); and
 * {@code NTH_VALUE} over a frame smaller than the partition, which returns
 * rows beyond the frame (row 1 of {@code NTH_VALUE(x, 2) OVER (ORDER BY id)}
 * gets row 2's value instead of NULL). The last three are wrong answers,
 * not errors, so refusing them is the only safe choice. Declining them lets the planner take the equivalent plan
 * {@link WindowFunctionRewriteRule} adds; if there is none, planning fails
 * with Calcite's {@code CannotPlanException} instead of a wrong result.
 * MIN and MAX are exempt from the DISTINCT check: DISTINCT cannot change them.
 */
final class SupportedWindowRule extends ConverterRule {
  private static final Logger LOG = LoggerFactory.getLogger(SupportedWindowRule.class);

  /** The rule with its default configuration. */
  static final SupportedWindowRule INSTANCE = Config.INSTANCE
      .withConversion(LogicalWindow.class, SupportedWindowRule::isSupported, Convention.NONE,
          EnumerableConvention.INSTANCE, "LakegateSupportedWindowRule")
      .withRuleFactory(SupportedWindowRule::new)
      .toRule(SupportedWindowRule.class);

  /** Calcite's rule, seen through its public supertype; it does the conversion once allowed. */
  private static final ConverterRule ENUMERABLE_WINDOW = EnumerableRules.ENUMERABLE_WINDOW_RULE;

  private SupportedWindowRule(Config config) {
    super(config);
  }

  @Override public @Nullable RelNode convert(RelNode rel) {
    return ENUMERABLE_WINDOW.convert(rel);
  }

  /** Whether the Enumerable engine computes every aggregate of {@code window} correctly. */
  static boolean isSupported(Window window) {
    List<RelDataTypeField> fields = window.getInput().getRowType().getFieldList();
    for (Window.Group group : window.groups) {
      List<RelFieldCollation> keys = group.orderKeys.getFieldCollations();
      RelDataType orderKeyType = keys.size() == 1 && keys.get(0).getFieldIndex() < fields.size()
          ? fields.get(keys.get(0).getFieldIndex()).getType() : null;
      boolean descending = keys.size() == 1 && keys.get(0).getDirection().isDescending();
      if (RangeFrames.isWrong(group.isRows, orderKeyType, descending, group.lowerBound,
          group.upperBound)) {
        LOG.debug("declining window: RANGE offsets in the wrong unit for {}", orderKeyType);
        return false;
      }
      for (Window.RexWinAggCall call : group.aggCalls) {
        SqlKind kind = call.getOperator().getKind();
        if (call.distinct && kind != SqlKind.MIN && kind != SqlKind.MAX) {
          LOG.debug("declining window: DISTINCT {} would be ignored", call.getOperator());
          return false;
        }
        if (kind == SqlKind.NTH_VALUE
            && !(group.lowerBound.isUnbounded() && group.upperBound.isUnbounded())) {
          LOG.debug("declining window: NTH_VALUE would look past its frame");
          return false;
        }
        if (RexImpTable.INSTANCE.get((SqlAggFunction) call.getOperator(), true) == null) {
          LOG.debug("declining window: no window implementation of {}", call.getOperator());
          return false;
        }
      }
    }
    return true;
  }
}
