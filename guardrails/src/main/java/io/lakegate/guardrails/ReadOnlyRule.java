package io.lakegate.guardrails;

import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Only queries are accepted: {@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE t}, set
 * operations (and {@code EXPLAIN PLAN FOR} a query, see {@link ExplainRule}). The decision is made
 * on the kind of the parsed statement. A statement Calcite cannot parse is rejected anyway; when its
 * first word starts a write, DDL or session statement (in any dialect an agent may write), the error
 * says so instead of quoting the parser.
 */
final class ReadOnlyRule {
  static final String ACCEPTED = "SELECT, WITH, VALUES, TABLE, UNION/INTERSECT/EXCEPT, EXPLAIN PLAN FOR";
  /** First words of statements that are not queries, in Calcite's, ClickHouse's and other common dialects. */
  private static final Set<String> NON_QUERY_WORDS = Set.of("ALTER", "ANALYZE", "ATTACH", "BACKUP", "BEGIN", "CALL",
      "CHECKPOINT", "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE", "DELETE", "DESC",
      "DESCRIBE", "DETACH", "DO", "DROP", "EXCHANGE", "EXEC", "EXECUTE", "EXPORT", "GRANT", "IMPORT", "INSERT",
      "INSTALL", "KILL", "LOAD", "LOCK", "MERGE", "MOVE", "OPTIMIZE", "PREPARE", "PUT", "REFRESH", "REINDEX",
      "RELEASE", "RENAME", "REPLACE", "RESET", "RESTORE", "REVOKE", "ROLLBACK", "SAVEPOINT", "SET", "SHOW", "START",
      "SYSTEM", "TRUNCATE", "UNDROP", "UNLOCK", "UPDATE", "UPSERT", "USE", "VACUUM", "WATCH");

  /** Rejects a statement that did not parse and whose first word starts a statement that is not a query. */
  void checkParseFailure(String sql, SqlParseException e) {
    FirstToken.of(sql).filter(NON_QUERY_WORDS::contains).ifPresent(word -> {
      throw notAQuery(word);
    });
  }

  /** Rejects every parsed statement that is neither a query nor an EXPLAIN. */
  void check(SqlNode statement) {
    SqlKind kind = statement.getKind();
    if (!kind.belongsTo(SqlKind.QUERY) && kind != SqlKind.EXPLAIN) {
      throw notAQuery(describe(kind));
    }
  }

  /** Rejects an EXPLAIN of anything but a query. */
  void checkExplained(SqlNode explained) {
    if (!explained.getKind().belongsTo(SqlKind.QUERY)) {
      throw notAQuery(describe(explained.getKind()));
    }
  }

  private static String describe(SqlKind kind) {
    switch (kind) {
      case SET_OPTION:
        return "SET / ALTER SESSION / RESET";
      case PROCEDURE_CALL:
        return "CALL";
      case DESCRIBE_TABLE:
      case DESCRIBE_SCHEMA:
        return "DESCRIBE";
      default:
        return kind.name().replace('_', ' ').toUpperCase(Locale.ROOT);
    }
  }

  private static GuardrailViolation notAQuery(String what) {
    return GuardrailRule.READ_ONLY.violation("the gateway is read-only and accepts only queries (" + ACCEPTED
        + "), not " + what + "; ask with a SELECT (tables cannot be changed and connection settings are fixed by"
        + " the gateway)");
  }
}
