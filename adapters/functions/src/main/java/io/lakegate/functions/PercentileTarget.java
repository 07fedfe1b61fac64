package io.lakegate.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Java (internal Enumerable) representation of a percentile's result
 * type, and how an interpolated {@code PERCENTILE_CONT} value is brought into
 * it.
 *
 * <p>Calcite 1.42 types {@code PERCENTILE_CONT} like its {@code ORDER BY}
 * expression (CALCITE-5408), not as DOUBLE like PostgreSQL. An interpolated
 * value therefore has to be converted, and lakegate converts it the way
 * Calcite's own {@code CAST} does on this engine: exact numbers are truncated
 * toward zero (an INTEGER 2.5 becomes 2, a DECIMAL(12,2) 10.125 becomes
 * 10.12); datetime values (epoch days or milliseconds) are rounded down to
 * the previous day or millisecond. Approximate numbers are kept as computed.
 */
public enum PercentileTarget {
  DOUBLE, REAL, DECIMAL, INTEGER, BIGINT, SMALLINT, TINYINT,
  /** DATE, TIME and year-month intervals: an {@code int} count of days, milliseconds or months. */
  INT_FLOOR,
  /** TIMESTAMP and day-time intervals: a {@code long} count of milliseconds. */
  LONG_FLOOR;

  /** Returns the target for a result type, or null if percentiles cannot produce it. */
  static @Nullable PercentileTarget of(RelDataType type) {
    switch (type.getSqlTypeName()) {
    case DOUBLE:
    case FLOAT:
      return DOUBLE;
    case REAL:
      return REAL;
    case DECIMAL:
      return DECIMAL;
    case INTEGER:
      return INTEGER;
    case BIGINT:
      return BIGINT;
    case SMALLINT:
      return SMALLINT;
    case TINYINT:
      return TINYINT;
    case DATE:
    case TIME:
    case INTERVAL_YEAR:
    case INTERVAL_YEAR_MONTH:
    case INTERVAL_MONTH:
      return INT_FLOOR;
    case TIMESTAMP:
    case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    case INTERVAL_DAY:
    case INTERVAL_DAY_HOUR:
    case INTERVAL_DAY_MINUTE:
    case INTERVAL_DAY_SECOND:
    case INTERVAL_HOUR:
    case INTERVAL_HOUR_MINUTE:
    case INTERVAL_HOUR_SECOND:
    case INTERVAL_MINUTE:
    case INTERVAL_MINUTE_SECOND:
    case INTERVAL_SECOND:
      return LONG_FLOOR;
    default:
      return null;
    }
  }

  /**
   * Boxes a value that arrived as an integral primitive (TINYINT to BIGINT,
   * DATE, TIME, TIMESTAMP, intervals) as this target's Java class, for
   * PERCENTILE_DISC, which returns one of the group's values.
   */
  Object fromLong(long value) {
    switch (this) {
    case DOUBLE:
      return (double) value;
    case REAL:
      return (float) value;
    case DECIMAL:
      return BigDecimal.valueOf(value);
    case INTEGER:
    case INT_FLOOR:
      return Math.toIntExact(value);
    case BIGINT:
    case LONG_FLOOR:
      return value;
    case SMALLINT:
      return (short) narrow(value, Short.MIN_VALUE, Short.MAX_VALUE);
    case TINYINT:
      return (byte) narrow(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
    default:
      throw new AssertionError(this);
    }
  }

  private long narrow(long value, long min, long max) {
    if (value < min || value > max) {
      throw new ArithmeticException(value + " does not fit " + this);
    }
    return value;
  }

  /** Converts an interpolated approximate value. */
  Object fromDouble(double value) {
    switch (this) {
    case DOUBLE:
      return value;
    case REAL:
      return (float) value;
    default:
      return fromExact(BigDecimal.valueOf(value), 0);
    }
  }

  /** Converts an interpolated exact value; {@code scale} is the DECIMAL result's scale. */
  Object fromExact(BigDecimal value, int scale) {
    switch (this) {
    case DOUBLE:
      return value.doubleValue();
    case REAL:
      return value.floatValue();
    case DECIMAL:
      return value.setScale(scale, RoundingMode.DOWN);
    case INTEGER:
      return value.intValue();
    case BIGINT:
      return value.longValue();
    case SMALLINT:
      return value.shortValue();
    case TINYINT:
      return value.byteValue();
    case INT_FLOOR:
      return value.setScale(0, RoundingMode.FLOOR).intValueExact();
    case LONG_FLOOR:
      return value.setScale(0, RoundingMode.FLOOR).longValueExact();
    default:
      throw new AssertionError(this);
    }
  }
}
