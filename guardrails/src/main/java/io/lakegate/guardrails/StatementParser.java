package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Calcite's parser with exactly the configuration the gateway's connections prepare statements
 * with, so that the guardrails judge the statement Calcite will plan and not an approximation of it.
 */
final class StatementParser {
  private final SqlParser.Config config;

  StatementParser(SqlParser.Config config) {
    this.config = requireNonNull(config, "config");
  }

  SqlParser.Config config() {
    return config;
  }

  /** Every statement of the text ({@code ;}-separated). */
  SqlNodeList statements(String sql) throws SqlParseException {
    return SqlParser.create(sql, config).parseStmtList();
  }

  /** The text as one statement, as Calcite's prepare parses it (no {@code ;} accepted). */
  SqlNode statement(String sql) throws SqlParseException {
    return SqlParser.create(sql, config).parseStmt();
  }
}
