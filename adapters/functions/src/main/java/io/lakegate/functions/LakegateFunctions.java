package io.lakegate.functions;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;

import static java.util.Objects.requireNonNull;

/**
 * Entry point of the analyst functions Calcite 1.42's Enumerable engine lacks
 * or gets wrong: registers lakegate's rules with a planner.
 *
 * <p>Decisions, in short (each class says more):
 * <ul>
 * <li>Everything is a planner rule over plans Calcite's validator already
 *     accepted; no operator table, parser or validator change. SQL text,
 *     result types and JDBC metadata are therefore exactly Calcite's, on the
 *     lake path and on the ClickHouse path alike.
 * <li>{@link PercentileAggregateRule}: PERCENTILE_CONT/DISC become a
 *     lakegate aggregate with its own code generator. Results keep the type
 *     Calcite 1.42 gives them: the ORDER BY expression's type, also for
 *     PERCENTILE_CONT (see {@link PercentileTarget} for the conversion).
 * <li>{@link WindowFunctionRewriteRule}: PERCENT_RANK, CUME_DIST,
 *     COUNT(DISTINCT) OVER and day-interval RANGE frames over DATE keys are
 *     rewritten into window calls the engine computes correctly.
 * <li>{@link SupportedWindowRule} replaces Calcite's
 *     {@link EnumerableRules#ENUMERABLE_WINDOW_RULE}: it refuses windows the
 *     engine would fail on or silently get wrong, so a query either gets a
 *     correct plan or fails to plan; never a wrong answer.
 * </ul>
 *
 * <p>The lake adapter's table scan calls {@link #register} from its own
 * {@code register(planner)}, the way Calcite adapters add their rules: the
 * scan is registered before the operators above it, so the replacement of
 * the window rule is in place before any window exists. A query with no lake
 * scan left when Volcano starts (only VALUES, or an input Calcite has already
 * proved empty such as {@code WHERE FALSE}) does not get these rules; a
 * gateway that wants them there too can call {@link #register} for every
 * planner it creates.
 */
public final class LakegateFunctions {
  private LakegateFunctions() {
  }

  /** Adds lakegate's rules to {@code planner}; calling it again is harmless. */
  public static void register(RelOptPlanner planner) {
    requireNonNull(planner, "planner");
    planner.addRule(PercentileAggregateRule.INSTANCE);
    planner.addRule(WindowFunctionRewriteRule.INSTANCE);
    planner.removeRule(EnumerableRules.ENUMERABLE_WINDOW_RULE);
    planner.addRule(SupportedWindowRule.INSTANCE);
  }
}
