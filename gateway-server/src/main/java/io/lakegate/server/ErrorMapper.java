package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.ClickHouseBusyException;
import io.lakegate.failover.FailureClassifier;
import io.lakegate.failover.FailureKind;
import io.lakegate.guardrails.GuardrailRule;
import io.lakegate.guardrails.GuardrailViolation;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.clickhouse.client.api.ServerException;

import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Decides what a caller is told about an exception: a guardrail's rejection keeps its rule's
 * SQLSTATE, code and message, parse and validation problems keep Calcite's
 * one-line message (with the position, and a hint when a reserved word is a column name), a query
 * Calcite cannot plan is "not supported" in one line, data errors say what was wrong with the
 * value, a ClickHouse failure after rows were sent and a statement ClickHouse rejected are one line
 * each (ClickHouse's message without its internals), and everything else becomes a generic internal error that only names an id to find in
 * the log.
 */
final class ErrorMapper {
  private static final Pattern UNKNOWN_TABLE = Pattern.compile("(Object|Table) '[^']*' not found");
  private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '[^']*' not found");
  private static final int MAX_CAUSES = 32;
  /** What failover's incomplete-answer error starts with (SQLSTATE 08006). */
  private static final String INCOMPLETE_PREFIX = "ClickHouse failed after";
  /** ClickHouse's TIMEOUT_EXCEEDED: the statement ran past max_execution_time. */
  private static final int CLICKHOUSE_TIMEOUT = 159;
  /** The parts of a ClickHouse message that are about the server, not the statement. */
  private static final Pattern CLICKHOUSE_NOISE = Pattern.compile(
      "\\s*\\((?:queryId|query_id|version)[^)]*\\)|^Code: \\d+\\.\\s*|DB::Exception:\\s*");
  private static final int MAX_CLICKHOUSE_CHARS = 300;

  private final String schemaName;
  private final List<String> tables;
  private final ReservedWordHint reservedWords;

  /**
   * @param tables the table names, listed when a table is unknown
   * @param columns every column name of the schema, to recognise reserved words used as columns
   */
  ErrorMapper(String schemaName, List<String> tables, Collection<String> columns) {
    this.schemaName = requireNonNull(schemaName, "schemaName");
    this.tables = List.copyOf(tables);
    this.reservedWords = new ReservedWordHint(columns);
  }

  /**
   * Calcite's full report when {@code e} is a planning failure (the planner's state, several
   * kilobytes: for the server log only), or null.
   */
  static String plannerReport(Throwable e) {
    RelOptPlanner.CannotPlanException cannotPlan = find(e, RelOptPlanner.CannotPlanException.class);
    return cannotPlan == null ? null : String.valueOf(cannotPlan.getMessage());
  }

  /**
   * The error for {@code e}; {@code errorId} (a query id) is named in internal errors so that
   * the caller can quote it and the operator can find the stack trace.
   */
  GatewayError map(Throwable e, String errorId) {
    requireNonNull(e, "e");
    requireNonNull(errorId, "errorId");
    if (e instanceof AvaticaRuntimeException a) {
      // Already decided (a rejected connection property, or an error mapped nearer its cause).
      return new GatewayError(a.getSqlState(), a.getErrorCode(), a.getErrorMessage());
    }
    GuardrailViolation guardrail = find(e, GuardrailViolation.class);
    if (guardrail != null) {
      return GatewayError.of(guardrail);
    }
    if (find(e, NoSuchConnectionException.class) != null) {
      return ErrorKind.NO_SUCH_CONNECTION.error("the connection is not open on the gateway (closed, or idle"
          + " for more than 10 minutes, or the gateway restarted); open a new connection");
    }
    SqlParseException parse = find(e, SqlParseException.class);
    if (parse != null) {
      String message = "SQL parse error: " + firstLine(parse.getMessage());
      return ErrorKind.SYNTAX.error(reservedWords.hint(parse)
          .or(() -> systemTablesHint(parse))
          .map(hint -> message.replaceFirst("\\.$", "") + hint)
          .orElse(message));
    }
    CalciteContextException context = find(e, CalciteContextException.class);
    if (context != null) {
      return validation(context.getMessage());
    }
    SqlValidatorException validator = find(e, SqlValidatorException.class);
    if (validator != null) {
      return validation(validator.getMessage());
    }
    String report = plannerReport(e);
    if (report != null) {
      return ErrorKind.UNSUPPORTED.error(UnsupportedPlan.message(report));
    }
    ArithmeticException arithmetic = find(e, ArithmeticException.class);
    if (arithmetic != null) {
      String message = String.valueOf(arithmetic.getMessage());
      return message.contains("by zero")
          ? ErrorKind.DIVISION_BY_ZERO.error("division by zero")
          : ErrorKind.DATA.error("arithmetic error: " + message);
    }
    NumberFormatException number = find(e, NumberFormatException.class);
    if (number != null) {
      return ErrorKind.INVALID_CAST.error("invalid number in a conversion: " + number.getMessage());
    }
    CalciteException calcite = find(e, CalciteException.class);
    if (calcite != null) {
      // Raised while evaluating SQL functions on values; its messages are written for SQL users.
      return ErrorKind.DATA.error(String.valueOf(calcite.getMessage()));
    }
    SQLNonTransientConnectionException incomplete = find(e, SQLNonTransientConnectionException.class);
    if (incomplete != null && ErrorKind.BACKEND_FAILED.sqlState().equals(incomplete.getSQLState())
        && String.valueOf(incomplete.getMessage()).startsWith(INCOMPLETE_PREFIX)) {
      // Failover's own message names the problem and what to do.
      return ErrorKind.BACKEND_FAILED.error(incomplete.getMessage());
    }
    ClickHouseBusyException busy = find(e, ClickHouseBusyException.class);
    if (busy != null) {
      return ErrorKind.BACKEND_BUSY.error(busy.getMessage());
    }
    if (FailureClassifier.classify(e).kind() == FailureKind.QUERY_ERROR) {
      return clickhouseRejected(find(e, ServerException.class));
    }
    SQLException sql = find(e, SQLException.class);
    if (sql != null && sql.getCause() == null && sql.getMessage() != null) {
      // A JDBC layer refusing the request on purpose (closed statement, unbound parameter), not a failure.
      return ErrorKind.STATEMENT.error(sql.getMessage());
    }
    return internal(errorId);
  }

  /**
   * {@code system.tables} fails to parse ({@code SYSTEM} is a keyword of Calcite's grammar) before the
   * allowlist could name the problem; say it here: ClickHouse's system tables are not in the schema.
   */
  private Optional<String> systemTablesHint(SqlParseException e) {
    String text = String.valueOf(e.getMessage());
    if (!text.contains("Encountered \"system") && !text.contains("keyword 'SYSTEM'")) {
      return Optional.empty();
    }
    return Optional.of("; ClickHouse's system tables are not part of lakegate's schema '" + schemaName
        + "': its tables are " + String.join(", ", tables));
  }

  /** ClickHouse's rejection of a statement, as one short line without server details. */
  private static GatewayError clickhouseRejected(ServerException server) {
    if (server != null && server.getCode() == CLICKHOUSE_TIMEOUT) {
      return GatewayError.of(GuardrailRule.TIMEOUT.violation("the query ran longer than its timeout and was"
          + " stopped; read less (filter on a partition column such as \"date\", aggregate, or select fewer columns)"));
    }
    String text = server == null ? "" : CLICKHOUSE_NOISE.matcher(firstLine(server.getMessage())).replaceAll("").strip();
    if (text.length() > MAX_CLICKHOUSE_CHARS) {
      text = text.substring(0, MAX_CLICKHOUSE_CHARS) + "...";
    }
    String code = server == null ? "" : " " + server.getCode();
    return ErrorKind.BACKEND_REJECTED.error("ClickHouse rejected the query (error" + code + "): " + text
        + "; rephrase it (or report it as a gateway dialect gap if the same SQL works on the lake)");
  }

  /** The generic answer to a failure of the gateway itself. */
  static GatewayError internal(String errorId) {
    return ErrorKind.INTERNAL.error("internal error in the gateway (id " + errorId
        + "); the gateway log has the details under this id");
  }

  private GatewayError validation(String message) {
    String text = String.valueOf(message);
    if (UNKNOWN_TABLE.matcher(text).find()) {
      return ErrorKind.UNKNOWN_TABLE.error(text + "; tables in '" + schemaName + "': " + String.join(", ", tables));
    }
    if (UNKNOWN_COLUMN.matcher(text).find()) {
      return ErrorKind.UNKNOWN_COLUMN.error(text);
    }
    return ErrorKind.VALIDATION.error(text);
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    Throwable current = e;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      current = current.getCause();
    }
    return null;
  }
}
