package io.lakegate.guardrails;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the row-limit rule did to a query's plan: the limit the result now has and why.
 *
 * @param action what was done
 * @param effective rows the result has at most (for {@link Action#CAPPED}, at most this many whatever
 *     the parameter's value)
 * @param requested the statement's own literal limit, when it had one
 */
public record RowLimit(Action action, long effective, OptionalLong requested) {
  /** No limit applies (not a query plan, e.g. a statement Calcite answers without planning). */
  public static final RowLimit NONE = new RowLimit(Action.NONE, -1, OptionalLong.empty());

  /** How the limit came about. */
  public enum Action {
    /** No plan was rewritten. */
    NONE,
    /** The query had no limit: the default was added at the root. */
    ADDED,
    /** The query's own limit is within the maximum and stays. */
    KEPT,
    /** The query asked for more than the maximum: its limit was lowered to it. */
    LOWERED,
    /** The limit is a parameter ({@code LIMIT ?}): the maximum was added above it. */
    CAPPED
  }

  /** The warning the caller should see, when the statement did not get the rows it asked for. */
  public Optional<String> warning() {
    return action == Action.LOWERED
        ? Optional.of("guardrail ROW_LIMIT: LIMIT " + requested.getAsLong() + " lowered to the maximum of " + effective
            + " rows")
        : Optional.empty();
  }
}
