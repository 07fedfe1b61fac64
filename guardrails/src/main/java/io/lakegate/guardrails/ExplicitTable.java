package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement that is a bare {@code TABLE t} (also with ORDER BY, LIMIT or OFFSET, or explained) as
 * the {@code SELECT * FROM t} it means. Calcite 1.42's validator makes that same rewrite, but of the
 * top node it returns a new node, while {@code Prepare.prepareSql} and {@code CalcitePrepareImpl} keep
 * asking for the type of the node they parsed, which the validator never registered (an
 * {@code UnsupportedOperationException}: an internal error for the caller); and under an ORDER BY
 * it tries to replace an operand of the {@code TABLE} call, which cannot be replaced (the same). The
 * gateway hands Calcite the rewritten statement instead. A {@code TABLE t} anywhere else (a
 * sub-query, a branch of a set operation) is rewritten in place by the validator and works.
 */
public final class ExplicitTable {
  private ExplicitTable() {
  }

  /**
   * {@code statement} with a top-level {@code TABLE t} (also the explained or ordered query) as
   * {@code SELECT * FROM t}; an EXPLAIN is changed in place, anything else is returned as it is.
   */
  public static SqlNode asSelect(SqlNode statement) {
    requireNonNull(statement, "statement");
    if (statement instanceof SqlExplain explain) {
      SqlNode explained = explain.getExplicandum();
      SqlNode rewritten = asSelect(explained);
      if (rewritten != explained) {
        explain.setOperand(0, rewritten);
      }
      return explain;
    }
    if (statement instanceof SqlOrderBy orderBy) {
      SqlNode query = asSelect(orderBy.query);
      return query == orderBy.query ? orderBy
          : new SqlOrderBy(orderBy.getParserPosition(), query, orderBy.orderList, orderBy.offset, orderBy.fetch);
    }
    if (statement.getKind() != SqlKind.EXPLICIT_TABLE) {
      return statement;
    }
    SqlParserPos pos = statement.getParserPosition();
    SqlNodeList star = SqlNodeList.of(SqlIdentifier.star(pos));
    return new SqlSelect(pos, null, star, ((SqlCall) statement).operand(0), null, null, null, null, null, null, null,
        null, null);
  }
}
