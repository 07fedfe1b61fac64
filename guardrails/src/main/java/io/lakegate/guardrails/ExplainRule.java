package io.lakegate.guardrails;

import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code EXPLAIN PLAN FOR <query>} (in any format and detail level) when the policy allows it, and
 * only the physical depth: that plan is the one the planner optimizes, so it is the one the
 * allowlist and the row limit rewrite; the logical ({@code WITHOUT IMPLEMENTATION}) and type-only
 * ({@code WITH TYPE}) forms stop before them.
 */
final class ExplainRule {
  private final boolean allowed;

  ExplainRule(boolean allowed) {
    this.allowed = allowed;
  }

  /** The statement whose plan Calcite will build: the explained query of an EXPLAIN, else the statement. */
  SqlNode check(SqlNode statement) {
    if (statement.getKind() != SqlKind.EXPLAIN) {
      return statement;
    }
    if (!allowed) {
      throw GuardrailRule.EXPLAIN.violation("EXPLAIN is disabled by the gateway's policy; run the query itself");
    }
    SqlExplain explain = (SqlExplain) statement;
    if (explain.getDepth() != SqlExplain.Depth.PHYSICAL) {
      throw GuardrailRule.EXPLAIN.violation("only EXPLAIN PLAN FOR <query> is accepted (the plan that runs);"
          + " remove WITHOUT IMPLEMENTATION or WITH TYPE");
    }
    return explain.getExplicandum();
  }
}
