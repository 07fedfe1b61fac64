package io.lakegate.functions;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

import com.google.common.collect.ImmutableList;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Planner rule that rewrites the window functions Calcite 1.42's Enumerable
 * engine cannot compute into ones it can, inside a {@link LogicalProject}
 * (where {@code SqlToRelConverter} puts {@code OVER} calls, before
 * {@code ProjectToWindowRule} turns them into a window):
 *
 * <ul>
 * <li>{@code PERCENT_RANK() OVER (PARTITION BY p ORDER BY o)} becomes
 *     {@code CASE WHEN n = 1 THEN 0 ELSE (RANK() OVER (...) - 1) / (n - 1) END}
 *     with {@code n = COUNT(*) OVER (PARTITION BY p)} (its SQL definition);
 * <li>{@code CUME_DIST() OVER (PARTITION BY p ORDER BY o)} becomes
 *     {@code COUNT(*) OVER (PARTITION BY p ORDER BY o RANGE BETWEEN UNBOUNDED
 *     PRECEDING AND CURRENT ROW) / n}: the rows up to and including the
 *     current row's peers, over the partition's rows;
 * <li>{@code COUNT(DISTINCT x) OVER (...)}, which the engine silently
 *     computes as {@code COUNT(x)}, becomes a call of
 *     {@link CountDistinctAggregate} over the same window and frame;
 * <li>a {@code RANGE} frame with day-time INTERVAL offsets over a DATE
 *     order key (which the engine silently computes wrongly, see
 *     {@link RangeFrames}) orders by {@code CAST(key AS TIMESTAMP)}
 *     instead: the same order, in the unit of the offsets.
 * </ul>
 *
 * <p>Fractions are divided as DOUBLE, the type Calcite's validator gives
 * PERCENT_RANK and CUME_DIST. The original project stays in the planner but
 * cannot be implemented, because {@link SupportedWindowRule} refuses the
 * windows it would need; the rewritten project is then the only plan.
 * Year-month interval offsets (months are not a fixed number of days) and
 * offsets over a descending key have no such fix; those windows are refused
 * and the query fails to plan.
 */
final class WindowFunctionRewriteRule extends RelRule<RuleConfig> {
  /** The rule with its default configuration. */
  static final WindowFunctionRewriteRule INSTANCE = (WindowFunctionRewriteRule) new RuleConfig(
      RelFactories.LOGICAL_BUILDER, "LakegateWindowFunctionRewriteRule",
      b -> b.operand(LogicalProject.class)
          .predicate(project -> project.getProjects().stream()
              .anyMatch(WindowFunctionRewriteRule::containsRewritable))
          .anyInputs(),
      WindowFunctionRewriteRule::new).toRule();

  /** {@code COUNT(DISTINCT x)} as a user-defined aggregate the window engine can run. */
  static final SqlAggFunction COUNT_DISTINCT = new SqlUserDefinedAggFunction(
      new SqlIdentifier("LAKEGATE_COUNT_DISTINCT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT, null, null,
      requireNonNull(AggregateFunctionImpl.create(CountDistinctAggregate.class),
          "CountDistinctAggregate is not an aggregate"),
      false, false, Optionality.FORBIDDEN);

  private WindowFunctionRewriteRule(RuleConfig config) {
    super(config);
  }

  /** Whether {@code over} is a window call this rule rewrites. */
  static boolean isRewritable(RexOver over) {
    SqlKind kind = over.getAggOperator().getKind();
    return kind == SqlKind.PERCENT_RANK
        || kind == SqlKind.CUME_DIST
        || (kind == SqlKind.COUNT && over.isDistinct() && over.getOperands().size() == 1)
        || hasFixableDateRange(over.getWindow());
  }

  /** Whether the window is a RANGE frame with day-time interval offsets over a DATE key. */
  private static boolean hasFixableDateRange(RexWindow window) {
    return window.orderKeys.size() == 1
        && RangeFrames.isFixableByTimestampKey(window.isRows(),
            window.orderKeys.get(0).left.getType(),
            window.orderKeys.get(0).getDirection().isDescending(), window.getLowerBound(),
            window.getUpperBound());
  }

  private static boolean containsRewritable(RexNode node) {
    boolean[] found = {false};
    node.accept(new RexVisitorImpl<Void>(true) {
      @Override public Void visitOver(RexOver over) {
        found[0] |= isRewritable(over);
        return super.visitOver(over);
      }
    });
    return found[0];
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    Rewriter rewriter = new Rewriter(project.getCluster().getRexBuilder());
    List<RexNode> projects = rewriter.apply(project.getProjects());
    call.transformTo(
        project.copy(project.getTraitSet(), project.getInput(), projects, project.getRowType()));
  }

  /** Replaces each rewritable window call by its equivalent expression. */
  private static final class Rewriter extends RexShuttle {
    private final RexBuilder rex;
    private final RelDataTypeFactory types;

    Rewriter(RexBuilder rex) {
      this.rex = rex;
      this.types = rex.getTypeFactory();
    }

    @Override public RexNode visitOver(RexOver over) {
      RexOver visited = (RexOver) super.visitOver(over);
      if (!isRewritable(visited)) {
        return visited;
      }
      RexWindow window = visited.getWindow();
      ImmutableList<RexFieldCollation> orderKeys = hasFixableDateRange(window)
          ? ImmutableList.of(timestampKey(window.orderKeys.get(0)))
          : window.orderKeys;
      RexNode replacement;
      switch (visited.getAggOperator().getKind()) {
      case PERCENT_RANK:
        replacement = percentRank(window);
        break;
      case CUME_DIST:
        replacement = cumeDist(window);
        break;
      default:
        boolean countDistinct = visited.getAggOperator().getKind() == SqlKind.COUNT
            && visited.isDistinct();
        replacement = rex.makeOver(visited.getType(),
            countDistinct ? COUNT_DISTINCT : visited.getAggOperator(), visited.getOperands(),
            window.partitionKeys, orderKeys, window.getLowerBound(), window.getUpperBound(),
            window.getExclude(), window.isRows(), true, false,
            !countDistinct && visited.isDistinct(), visited.ignoreNulls());
        break;
      }
      // Keep the type Calcite's validator gave the call, so the project's row type is unchanged.
      return replacement.getType().equals(visited.getType())
          ? replacement
          : rex.makeCast(visited.getType(), replacement, true, false);
    }

    /** The DATE order key as a TIMESTAMP, whose unit (ms) day-time intervals share. */
    private RexFieldCollation timestampKey(RexFieldCollation key) {
      RelDataType timestamp = types.createTypeWithNullability(
          types.createSqlType(SqlTypeName.TIMESTAMP, 0), key.left.getType().isNullable());
      return new RexFieldCollation(rex.makeCast(timestamp, key.left), key.right);
    }

    private RexNode percentRank(RexWindow window) {
      RexNode rank = over(SqlStdOperatorTable.RANK, bigint(), List.of(), window,
          window.orderKeys, window.getLowerBound(), window.getUpperBound(), window.getExclude(),
          window.isRows());
      RexNode rows = partitionRows(window);
      RexNode one = rex.makeExactLiteral(BigDecimal.ONE);
      return rex.makeCall(SqlStdOperatorTable.CASE,
          rex.makeCall(SqlStdOperatorTable.EQUALS, rows, one),
          rex.makeApproxLiteral(0d, dbl()),
          divide(rex.makeCall(SqlStdOperatorTable.MINUS, rank, one),
              rex.makeCall(SqlStdOperatorTable.MINUS, rows, one)));
    }

    private RexNode cumeDist(RexWindow window) {
      RexNode upToPeers = over(SqlStdOperatorTable.COUNT, bigint(), List.of(), window,
          window.orderKeys, RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW,
          RexWindowExclusion.EXCLUDE_NO_OTHER, false);
      return divide(upToPeers, partitionRows(window));
    }

    /** {@code COUNT(*) OVER (PARTITION BY ...)}: the rows of the current row's partition. */
    private RexNode partitionRows(RexWindow window) {
      return over(SqlStdOperatorTable.COUNT, bigint(), List.of(), window, ImmutableList.of(),
          RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.UNBOUNDED_FOLLOWING,
          RexWindowExclusion.EXCLUDE_NO_OTHER, false);
    }

    private RexNode divide(RexNode numerator, RexNode denominator) {
      return rex.makeCall(SqlStdOperatorTable.DIVIDE,
          rex.makeCast(dbl(), numerator), rex.makeCast(dbl(), denominator));
    }

    private RexNode over(SqlAggFunction function, RelDataType type, List<RexNode> operands,
        RexWindow window, ImmutableList<RexFieldCollation> orderKeys, RexWindowBound lower,
        RexWindowBound upper, RexWindowExclusion exclude, boolean rows) {
      return rex.makeOver(type, function, operands, window.partitionKeys, orderKeys, lower, upper,
          exclude, rows, true, false, false, false);
    }

    private RelDataType bigint() {
      return types.createSqlType(SqlTypeName.BIGINT);
    }

    private RelDataType dbl() {
      return types.createSqlType(SqlTypeName.DOUBLE);
    }
  }
}
