package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;

/**
 * A statement the statement-level rules accepted.
 *
 * @param sql the text Calcite should prepare: the request's text, without a trailing {@code ;}
 * @param statement the parse tree the rules judged
 * @param explain whether it is an {@code EXPLAIN PLAN FOR} a query
 * @param ownLimit whether its outermost query (the explained one, for an EXPLAIN) has a limit of its own
 */
public record CheckedStatement(String sql, SqlNode statement, boolean explain, boolean ownLimit) {
  public CheckedStatement {
    requireNonNull(sql, "sql");
    requireNonNull(statement, "statement");
  }

  /**
   * Refuses to go on when Calcite's own parse of {@link #sql} is not the tree the rules judged (a
   * parser configured differently): the rules must have seen exactly what is planned.
   */
  public void requireSameTree(SqlNode parsedByCalcite) {
    if (!statement.equalsDeep(parsedByCalcite, Litmus.IGNORE)) {
      throw new IllegalStateException("the statement Calcite parsed differs from the one the guardrails checked;"
          + " the gateway's parser configurations disagree");
    }
  }
}
