package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.RelRoot;

/**
 * A plan the plan-level rules accepted, rewritten to its row limit.
 *
 * @param root the plan to optimize
 * @param rowLimit the limit its result now has
 */
public record GuardedPlan(RelRoot root, RowLimit rowLimit) {
  public GuardedPlan {
    requireNonNull(root, "root");
    requireNonNull(rowLimit, "rowLimit");
  }
}
