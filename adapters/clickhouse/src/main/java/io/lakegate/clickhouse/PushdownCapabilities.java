package io.lakegate.clickhouse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Which expressions the ClickHouse pushdown can translate so that ClickHouse computes what
 * Calcite would: an allow-list of operators, each checked against the dialect's translation.
 * Anything else makes the project or filter rule decline, and Calcite computes that part itself
 * (correct, only not pushed down).
 *
 * <p>Not pushed, because ClickHouse's answer would differ or the SQL would not parse: interval
 * arithmetic other than {@code datetime ± interval literal} and the difference of two timestamps
 * or of two dates (so {@code TIMESTAMPDIFF} by MONTH/QUARTER/YEAR stays in Calcite),
 * {@code CAST} to VARCHAR of anything but a string or an integer (ClickHouse formats decimals,
 * doubles, booleans and timestamps its own way; integers are written alike, {@code -42}), and of an
 * integer to a VARCHAR too short for every value (Calcite would truncate),
 * DECIMAL division (Calcite keeps 16 significant digits, ClickHouse the dividend's scale) except
 * when cast straight back to the dividend's scale, as AVG does,
 * {@code ROUND} (ClickHouse rounds halves of doubles to even), {@code LIKE ... ESCAPE},
 * datetime units ClickHouse has no function for, and any function not listed here.
 */
final class PushdownCapabilities {
  private static final Set<SqlKind> PLAIN = EnumSet.of(
      SqlKind.AND, SqlKind.OR, SqlKind.NOT,
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE, SqlKind.IS_FALSE,
      SqlKind.IS_NOT_FALSE, SqlKind.SEARCH,
      SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX,
      SqlKind.CASE, SqlKind.COALESCE, SqlKind.NULLIF,
      SqlKind.TRIM, SqlKind.POSITION, SqlKind.CHAR_LENGTH);

  private static final Set<TimeUnitRange> EXTRACT_UNITS = EnumSet.of(TimeUnitRange.YEAR, TimeUnitRange.QUARTER,
      TimeUnitRange.MONTH, TimeUnitRange.WEEK, TimeUnitRange.DAY, TimeUnitRange.DOW, TimeUnitRange.ISODOW,
      TimeUnitRange.DOY, TimeUnitRange.ISOYEAR, TimeUnitRange.HOUR, TimeUnitRange.MINUTE, TimeUnitRange.SECOND);

  private static final Set<TimeUnitRange> FLOOR_UNITS = EnumSet.of(TimeUnitRange.YEAR, TimeUnitRange.QUARTER,
      TimeUnitRange.MONTH, TimeUnitRange.WEEK, TimeUnitRange.DAY, TimeUnitRange.HOUR, TimeUnitRange.MINUTE,
      TimeUnitRange.SECOND, TimeUnitRange.MILLISECOND);

  /** Window functions ClickHouse has with the standard's meaning (with the dialect's translation). */
  private static final Set<SqlKind> WINDOW_FUNCTIONS = EnumSet.of(SqlKind.ROW_NUMBER, SqlKind.RANK,
      SqlKind.DENSE_RANK, SqlKind.NTILE, SqlKind.LAG, SqlKind.LEAD, SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE,
      SqlKind.SUM, SqlKind.SUM0, SqlKind.COUNT, SqlKind.MIN, SqlKind.MAX, SqlKind.PERCENT_RANK,
      SqlKind.CUME_DIST);

  /** Characters of the longest BIGINT written out, {@code -9223372036854775808}. */
  private static final int LONGEST_INTEGER_TEXT = 20;

  private PushdownCapabilities() {
  }

  static boolean canPush(List<? extends RexNode> expressions) {
    return expressions.stream().allMatch(PushdownCapabilities::canPush);
  }

  static boolean canPush(RexNode rex) {
    if (rex instanceof RexInputRef) {
      return true;
    }
    if (rex instanceof RexLiteral literal) {
      return !SqlTypeName.INTERVAL_TYPES.contains(literal.getType().getSqlTypeName());
    }
    if (rex instanceof RexFieldAccess) {
      return false;
    }
    if (rex instanceof RexOver over) {
      return !over.isDistinct() && WINDOW_FUNCTIONS.contains(over.getOperator().getKind())
          && over.getOperands().stream().allMatch(PushdownCapabilities::canPush)
          && over.getWindow().partitionKeys.stream().allMatch(PushdownCapabilities::canPush)
          && over.getWindow().orderKeys.stream().allMatch(k -> canPush(k.left));
    }
    if (!(rex instanceof RexCall call)) {
      return false;
    }
    if (ClickHouseRexRewrites.isTimestampDifference(call)) {
      RexCall difference = (RexCall) call.getOperands().get(0);
      return difference.getOperands().stream().allMatch(PushdownCapabilities::canPush);
    }
    if ((call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS) && isDatetimePlusInterval(call)) {
      return canPush(call.getOperands().get(0));
    }
    if (call.getKind() == SqlKind.CAST && isTruncatedDecimalQuotient(call)) {
      return ((RexCall) call.getOperands().get(0)).getOperands().stream().allMatch(PushdownCapabilities::canPush);
    }
    return callIsSupported(call) && call.getOperands().stream().allMatch(PushdownCapabilities::canPush);
  }

  private static boolean callIsSupported(RexCall call) {
    SqlKind kind = call.getKind();
    if (kind == SqlKind.DIVIDE && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
      // Calcite divides DECIMALs to 16 significant digits; ClickHouse to the dividend's scale.
      return false;
    }
    if (PLAIN.contains(kind)) {
      return !SqlTypeName.INTERVAL_TYPES.contains(call.getType().getSqlTypeName());
    }
    switch (kind) {
      case PLUS:
      case MINUS:
        return arithmetic(call);
      case CAST:
        return cast(call);
      case LIKE:
        return call.getOperands().size() == 2;
      case EXTRACT:
        return call.getOperands().get(0) instanceof RexLiteral unit
            && EXTRACT_UNITS.contains(unit.getValueAs(TimeUnitRange.class));
      case FLOOR:
      case CEIL:
        return call.getOperands().size() == 1
            || call.getOperands().get(1) instanceof RexLiteral unit
            && FLOOR_UNITS.contains(unit.getValueAs(TimeUnitRange.class))
            && SqlTypeFamily.DATETIME.contains(call.getOperands().get(0).getType());
      default:
        return call.getOperator() == SqlStdOperatorTable.SUBSTRING
            || call.getOperator() == SqlStdOperatorTable.LOWER
            || call.getOperator() == SqlStdOperatorTable.UPPER
            || call.getOperator() == SqlStdOperatorTable.CONCAT
            || call.getOperator() == SqlStdOperatorTable.ABS
            || call.getOperator() == SqlStdOperatorTable.SQRT
            || call.getOperator() == SqlStdOperatorTable.POWER
            || call.getOperator() == SqlStdOperatorTable.LN
            || call.getOperator() == SqlStdOperatorTable.EXP
            || call.getOperator() == SqlStdOperatorTable.SIGN;
    }
  }

  /** Numbers only: datetime arithmetic is {@link #isDatetimePlusInterval} or not pushed. */
  private static boolean arithmetic(RexCall call) {
    return call.getOperands().stream().noneMatch(o -> SqlTypeName.INTERVAL_TYPES.contains(o.getType().getSqlTypeName()))
        && !SqlTypeName.INTERVAL_TYPES.contains(call.getType().getSqlTypeName());
  }

  /** A DATE/TIMESTAMP plus or minus an interval literal: ClickHouse's {@code x + INTERVAL '1' HOUR}. */
  private static boolean isDatetimePlusInterval(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    return right instanceof RexLiteral && SqlTypeName.INTERVAL_TYPES.contains(right.getType().getSqlTypeName())
        && SqlTypeFamily.DATETIME.contains(left.getType());
  }

  /**
   * {@code CAST(decimal / integer AS DECIMAL(p, s))} with the quotient's scale at least {@code s}
   * (how AVG of a DECIMAL arrives): ClickHouse truncates the quotient to the dividend's scale, Calcite
   * truncates its 16-digit quotient to {@code s}; a quotient by a row count is never within 10^-14 of
   * a multiple of 10^-s, so both truncate to the same value.
   */
  private static boolean isTruncatedDecimalQuotient(RexCall cast) {
    if (cast.getType().getSqlTypeName() != SqlTypeName.DECIMAL
        || !(cast.getOperands().get(0) instanceof RexCall divide) || divide.getKind() != SqlKind.DIVIDE) {
      return false;
    }
    RelDataType dividend = divide.getOperands().get(0).getType();
    RelDataType divisor = divide.getOperands().get(1).getType();
    return dividend.getSqlTypeName() == SqlTypeName.DECIMAL && dividend.getScale() == cast.getType().getScale()
        && SqlTypeName.INT_TYPES.contains(divisor.getSqlTypeName());
  }

  /** A VARCHAR without a length, or long enough for any BIGINT ({@code -9223372036854775808}): no truncation. */
  private static boolean holdsEveryInteger(RelDataType varchar) {
    return varchar.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
        || varchar.getPrecision() >= LONGEST_INTEGER_TEXT;
  }

  private static boolean cast(RexCall call) {
    SqlTypeName target = call.getType().getSqlTypeName();
    SqlTypeName source = call.getOperands().get(0).getType().getSqlTypeName();
    if (target == SqlTypeName.CHAR) {
      // CHAR(n) pads with spaces, ClickHouse's FixedString(n) with zero bytes
      return false;
    }
    if (target == SqlTypeName.VARCHAR) {
      return SqlTypeName.CHAR_TYPES.contains(source)
          || SqlTypeName.INT_TYPES.contains(source) && holdsEveryInteger(call.getType());
    }
    return !SqlTypeName.INTERVAL_TYPES.contains(target) && !SqlTypeName.INTERVAL_TYPES.contains(source);
  }
}
