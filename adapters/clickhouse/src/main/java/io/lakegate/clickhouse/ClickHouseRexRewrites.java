package io.lakegate.clickhouse;

import java.math.BigDecimal;
import java.util.List;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The dialect's rewrites that need expression types, applied to each expression just before
 * Calcite turns it into SQL ({@code SqlDialect.prepareUnparse}):
 *
 * <ul>
 *   <li>{@code a / b} of integers is ClickHouse's {@code intDiv(a, b)}, which truncates like
 *       Calcite ({@code 7 / 2 = 3}); ClickHouse's {@code /} would give 3.5. The same holds for
 *       Calcite's internal integer division ({@code /INT}, from AVG of integers);
 *   <li>the difference of two TIMESTAMPs in milliseconds (Calcite's {@code Reinterpret(b - a)}, how
 *       {@code TIMESTAMPDIFF} by DAY, HOUR, MINUTE, SECOND arrives) is
 *       {@code toUnixTimestamp64Milli(b) - toUnixTimestamp64Milli(a)}; of two DATEs (Calcite also
 *       counts their distance in milliseconds, whole days) it is
 *       {@code (toInt64(b) - toInt64(a)) * 86400000}, {@code toInt64} of a {@code Date32} being its
 *       day number;
 *   <li>{@code FLOOR/CEIL(x TO unit)} of a DATE or TIMESTAMP is ClickHouse's {@code toStartOf...}
 *       (weeks from Sunday, {@code toStartOfWeek(x, 0)}, as Calcite), cast back to x's type: those
 *       functions return Date or DateTime, which would lose Date32's range or the milliseconds.
 * </ul>
 * Anything else is returned unchanged.
 */
final class ClickHouseRexRewrites {
  /** Only builds calls with given types; never infers one. */
  private static final RexBuilder REX = new RexBuilder(new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT));
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private ClickHouseRexRewrites() {
  }

  static RexNode rewrite(RexNode rex) {
    if (!(rex instanceof RexCall call)) {
      return rex;
    }
    if (call.getKind() == SqlKind.DIVIDE && isInteger(call.getType())
        && call.getOperands().stream().allMatch(o -> isInteger(o.getType()))) {
      return REX.makeCall(call.getType(), ClickHouseFunction.of("intDiv"), call.getOperands());
    }
    if (isTimestampDifference(call)) {
      RexCall difference = (RexCall) call.getOperands().get(0);
      if (difference.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.DATE) {
        RexNode days = REX.makeCall(call.getType(), SqlStdOperatorTable.MINUS, List.of(
            REX.makeCall(call.getType(), ClickHouseFunction.of("toInt64"), List.of(difference.getOperands().get(0))),
            REX.makeCall(call.getType(), ClickHouseFunction.of("toInt64"), List.of(difference.getOperands().get(1)))));
        return REX.makeCall(call.getType(), SqlStdOperatorTable.MULTIPLY,
            List.of(days, REX.makeExactLiteral(BigDecimal.valueOf(MILLIS_PER_DAY))));
      }
      return REX.makeCall(call.getType(), SqlStdOperatorTable.MINUS, List.of(
          REX.makeCall(call.getType(), ClickHouseFunction.of("toUnixTimestamp64Milli"),
              List.of(difference.getOperands().get(0))),
          REX.makeCall(call.getType(), ClickHouseFunction.of("toUnixTimestamp64Milli"),
              List.of(difference.getOperands().get(1)))));
    }
    if ((call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL) && call.getOperands().size() == 2) {
      RexNode rewritten = floorOrCeil(call);
      return rewritten == null ? rex : rewritten;
    }
    return rex;
  }

  /**
   * {@code Reinterpret(b - a)} of two TIMESTAMPs, or of two DATEs, as a day-time interval: their
   * distance in milliseconds.
   */
  static boolean isTimestampDifference(RexCall call) {
    if (call.getKind() != SqlKind.REINTERPRET || !(call.getOperands().get(0) instanceof RexCall difference)
        || difference.getKind() != SqlKind.MINUS || !isInteger(call.getType())) {
      return false;
    }
    SqlTypeName interval = difference.getType().getSqlTypeName();
    SqlTypeName first = difference.getOperands().get(0).getType().getSqlTypeName();
    return SqlTypeName.DAY_INTERVAL_TYPES.contains(interval)
        && (first == SqlTypeName.TIMESTAMP || first == SqlTypeName.DATE)
        && difference.getOperands().stream().allMatch(o -> o.getType().getSqlTypeName() == first);
  }

  private static boolean isInteger(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return true;
      default:
        return false;
    }
  }

  private static @Nullable RexNode floorOrCeil(RexCall call) {
    RexNode value = call.getOperands().get(0);
    SqlTypeName type = value.getType().getSqlTypeName();
    if (type != SqlTypeName.DATE && type != SqlTypeName.TIMESTAMP
        || !(call.getOperands().get(1) instanceof RexLiteral flag)) {
      return null;
    }
    TimeUnitRange unit = flag.getValueAs(TimeUnitRange.class);
    if (unit == null) {
      return null;
    }
    Unit start = Unit.of(unit, type == SqlTypeName.DATE);
    if (start == null) {
      return null;
    }
    RexNode floor = start.startFunction == null ? value : start.apply(value);
    RexNode result = floor;
    if (call.getKind() == SqlKind.CEIL && start.startFunction != null) {
      // CEIL = x when x is already on a boundary, else the next boundary
      RexNode next = REX.makeCall(value.getType(), ClickHouseFunction.of(start.addFunction),
          List.of(floor, REX.makeExactLiteral(BigDecimal.ONE)));
      RexNode onBoundary = REX.makeCall(SqlStdOperatorTable.EQUALS, floor, value);
      result = REX.makeCall(value.getType(), ClickHouseFunction.of("if"), List.of(onBoundary, value, next));
    }
    return REX.makeAbstractCast(call.getType(), result, false);
  }

  /**
   * A FLOOR unit: the ClickHouse function giving the start of the unit (null when every value of
   * the type is already on a boundary) and the one adding one unit.
   */
  private record Unit(@Nullable String startFunction, String addFunction, boolean sundayWeek) {
    static @Nullable Unit of(TimeUnitRange unit, boolean date) {
      switch (unit) {
        case YEAR:
          return new Unit("toStartOfYear", "addYears", false);
        case QUARTER:
          return new Unit("toStartOfQuarter", "addQuarters", false);
        case MONTH:
          return new Unit("toStartOfMonth", "addMonths", false);
        case WEEK:
          return new Unit("toStartOfWeek", "addWeeks", true);
        case DAY:
          return new Unit(date ? null : "toStartOfDay", "addDays", false);
        case HOUR:
          return new Unit(date ? null : "toStartOfHour", "addHours", false);
        case MINUTE:
          return new Unit(date ? null : "toStartOfMinute", "addMinutes", false);
        case SECOND:
          return new Unit(date ? null : "toStartOfSecond", "addSeconds", false);
        case MILLISECOND:
          return new Unit(null, "addMilliseconds", false);
        default:
          return null;
      }
    }

    RexNode apply(RexNode value) {
      List<RexNode> operands = sundayWeek
          ? List.of(value, REX.makeExactLiteral(BigDecimal.ZERO))
          : List.of(value);
      return REX.makeCall(value.getType(), ClickHouseFunction.of(startFunction), operands);
    }
  }
}
