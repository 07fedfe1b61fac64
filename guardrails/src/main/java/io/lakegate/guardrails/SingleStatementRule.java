package io.lakegate.guardrails;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.util.Litmus;

/**
 * One request, one statement: {@code select 1; drop table t} is rejected whether or not the second
 * statement parses. A single statement followed by a {@code ;} is accepted, and Calcite is given
 * the text before the {@code ;} only after re-parsing that text proves it is the same statement.
 */
final class SingleStatementRule {
  private static final String SEMICOLON = ";";

  /** Rejects a text that failed to parse right after a {@code ;}: a second statement. */
  void checkParseFailure(SqlParseException e) {
    if (e.getCause() instanceof ParseException parse && parse.currentToken != null
        && SEMICOLON.equals(parse.currentToken.image)) {
      throw manyStatements();
    }
  }

  /** The only statement of {@code statements}. */
  SqlNode single(SqlNodeList statements) {
    if (statements.size() != 1) {
      throw statements.isEmpty()
          ? GuardrailRule.SINGLE_STATEMENT.violation("the request holds no statement; send one query")
          : manyStatements();
    }
    return statements.get(0);
  }

  /**
   * The text Calcite prepares for {@code statement}: {@code sql} itself when it parses as one
   * statement, else the text before the trailing {@code ;} when that parses to an identical tree.
   *
   * @throws SqlParseException Calcite's own error when neither holds
   */
  String statementText(String sql, SqlNode statement, StatementParser parser) throws SqlParseException {
    SqlParseException failure;
    try {
      parser.statement(sql);
      return sql;
    } catch (SqlParseException e) {
      failure = e;
    }
    int end = offset(sql, failure.getPos());
    if (end > 0 && end < sql.length() && sql.startsWith(SEMICOLON, end)) {
      String before = sql.substring(0, end);
      try {
        if (parser.statement(before).equalsDeep(statement, Litmus.IGNORE)) {
          return before;
        }
      } catch (SqlParseException e) {
        // The text before the ';' is not the statement on its own: report Calcite's error on the whole text.
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  /** The character offset of a parser position (lines and columns count from 1), or -1. */
  static int offset(String sql, SqlParserPos pos) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (line == pos.getLineNum() && column == pos.getColumnNum()) {
        return i;
      }
      char c = sql.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return -1;
  }

  private static GuardrailViolation manyStatements() {
    return GuardrailRule.SINGLE_STATEMENT.violation("only one statement per request is accepted; send each"
        + " query on its own, without ';' between them");
  }
}
