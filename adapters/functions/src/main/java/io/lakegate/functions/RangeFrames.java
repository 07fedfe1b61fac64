package io.lakegate.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Recognises the {@code RANGE} frames with an INTERVAL offset that Calcite
 * 1.42's window engine gets wrong, silently.
 *
 * <p>The engine subtracts an interval's internal value from the order key's
 * internal value, and these units only agree for day-time intervals on a
 * TIMESTAMP (or TIME) key. On a DATE key (epoch days) {@code INTERVAL '30'
 * DAY} (2,592,000,000 ms) reaches back to the first row, so a 30-day rolling
 * sum becomes a running total; a year-month interval (a count of months)
 * shifts a DATE by days and a TIMESTAMP by milliseconds. Independently, any
 * offset frame over a descending order key comes out empty (every
 * {@code COUNT(*)} is 0), numeric keys included.
 */
final class RangeFrames {
  private RangeFrames() {
  }

  /** Whether a RANGE frame on this order key type with these bounds computes the wrong rows. */
  static boolean isWrong(boolean rows, @Nullable RelDataType orderKeyType, boolean descending,
      RexWindowBound lower, RexWindowBound upper) {
    if (rows || orderKeyType == null) {
      return false;
    }
    if (descending && (lower.getOffset() != null || upper.getOffset() != null)) {
      return true;
    }
    return isWrong(orderKeyType, offsetType(lower)) || isWrong(orderKeyType, offsetType(upper));
  }

  /**
   * Whether casting the DATE order key to TIMESTAMP makes the frame right:
   * true when the only problem is day-time interval offsets on an ascending
   * DATE key.
   */
  static boolean isFixableByTimestampKey(boolean rows, @Nullable RelDataType orderKeyType,
      boolean descending, RexWindowBound lower, RexWindowBound upper) {
    return !descending
        && isWrong(rows, orderKeyType, false, lower, upper)
        && !isYearMonth(offsetType(lower))
        && !isYearMonth(offsetType(upper));
  }

  private static boolean isWrong(RelDataType orderKeyType, @Nullable RelDataType offsetType) {
    if (offsetType == null || !SqlTypeName.INTERVAL_TYPES.contains(offsetType.getSqlTypeName())) {
      return false;
    }
    return orderKeyType.getSqlTypeName() == SqlTypeName.DATE || isYearMonth(offsetType);
  }

  private static boolean isYearMonth(@Nullable RelDataType offsetType) {
    return offsetType != null
        && offsetType.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }

  private static @Nullable RelDataType offsetType(RexWindowBound bound) {
    RexNode offset = bound.getOffset();
    return offset == null ? null : offset.getType();
  }
}
