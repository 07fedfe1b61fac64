package io.lakegate.guardrails;

import java.math.BigDecimal;
import java.util.OptionalLong;

import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * Gives every query result a row limit by rewriting the root of its plan, never the text: a query
 * without a limit of its own gets the policy's default, a limit above the maximum is lowered to it,
 * and a {@code LIMIT ?} gets the maximum above it. Whether the outermost query has its own limit is
 * read from the parsed statement ({@link #hasOwnLimit}), because the plan cannot tell: Calcite drops
 * the projection of {@code select * from (... limit 500) t}, and the sub-query's sort becomes the
 * root. Only the root is touched, so limits inside sub-queries, WITH queries and the branches of a
 * set operation keep their meaning; the root's ORDER BY and OFFSET stay as they are.
 */
final class RowLimitRule {
  private final long defaultLimit;
  private final long maxLimit;

  RowLimitRule(long defaultLimit, long maxLimit) {
    this.defaultLimit = defaultLimit;
    this.maxLimit = maxLimit;
  }

  /** Whether the outermost query of a parsed (explained) query has a LIMIT, FETCH or {@code LIMIT ?} of its own. */
  static boolean hasOwnLimit(SqlNode query) {
    SqlNode node = query;
    while (node instanceof SqlWith with) {
      node = with.body;
    }
    if (node instanceof SqlOrderBy orderBy) {
      return orderBy.fetch != null;
    }
    return node instanceof SqlSelect select && select.getFetch() != null;
  }

  /**
   * The rewritten root and what was done.
   *
   * @param ownLimit whether the outermost query has its own limit ({@link #hasOwnLimit}), which is
   *     then the fetch of the root's sort
   */
  Result apply(RelRoot root, boolean ownLimit) {
    RelNode top = root.rel;
    RexBuilder rex = top.getCluster().getRexBuilder();
    if (ownLimit && top instanceof Sort sort && sort.fetch != null) {
      if (!(sort.fetch instanceof RexLiteral literal)) {
        RelNode capped = LogicalSort.create(sort, RelCollations.EMPTY, null, literal(rex, maxLimit));
        return new Result(root.withRel(capped), new RowLimit(RowLimit.Action.CAPPED, maxLimit, OptionalLong.empty()));
      }
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      long requested = value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : value.longValue();
      if (requested <= maxLimit) {
        return new Result(root, new RowLimit(RowLimit.Action.KEPT, requested, OptionalLong.of(requested)));
      }
      RelNode lowered = sort.copy(sort.getTraitSet(), sort.getInput(), sort.getCollation(), sort.offset,
          literal(rex, maxLimit));
      return new Result(root.withRel(lowered),
          new RowLimit(RowLimit.Action.LOWERED, maxLimit, OptionalLong.of(requested)));
    }
    RelNode limited = top instanceof Sort sort && sort.fetch == null
        // The query's own ORDER BY or OFFSET without a limit: the same sort, now with one.
        ? sort.copy(sort.getTraitSet(), sort.getInput(), sort.getCollation(), sort.offset, literal(rex, defaultLimit))
        : LogicalSort.create(top, root.collation, null, literal(rex, defaultLimit));
    return new Result(root.withRel(limited), new RowLimit(RowLimit.Action.ADDED, defaultLimit, OptionalLong.empty()));
  }

  private static RexNode literal(RexBuilder rex, long value) {
    return rex.makeExactLiteral(BigDecimal.valueOf(value));
  }

  /** A rewritten root and the limit it now has. */
  record Result(RelRoot root, RowLimit limit) {
  }
}
