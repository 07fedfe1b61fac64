package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * A ClickHouse function by its exact (case-sensitive) name, written as {@code name(arg, ...)};
 * the target of the dialect's rewrites. It is only ever unparsed, never validated: calls are made
 * with an explicit result type.
 */
final class ClickHouseFunction extends SqlSpecialOperator {
  private static final int FUNCTION_PRECEDENCE = 100;

  private final String suffix;

  private ClickHouseFunction(String name, String suffix) {
    // A function call binds tighter than any operator, as Calcite's own functions do.
    super(requireNonNull(name, "name"), SqlKind.OTHER_FUNCTION, FUNCTION_PRECEDENCE);
    this.suffix = suffix;
  }

  static ClickHouseFunction of(String name) {
    return new ClickHouseFunction(name, "");
  }

  /** A window function written {@code name(args) RESPECT NULLS}. */
  static ClickHouseFunction respectingNulls(String name) {
    return new ClickHouseFunction(name, "RESPECT NULLS");
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print(getName());
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
    for (SqlNode operand : call.getOperandList()) {
      writer.sep(",");
      operand.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (!suffix.isEmpty()) {
      writer.keyword(suffix);
    }
  }
}
