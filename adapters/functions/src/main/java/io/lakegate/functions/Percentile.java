package io.lakegate.functions;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * What one {@code PERCENTILE_CONT}/{@code PERCENTILE_DISC} call asks for:
 * continuous or discrete, the fraction, and the direction of its
 * {@code WITHIN GROUP (ORDER BY ...)}.
 *
 * <p>{@code DESC} is kept as a direction rather than turned into
 * {@code 1 - fraction}: the two agree for PERCENTILE_CONT but not for
 * PERCENTILE_DISC (over 1, 2, 3, 4 the DESC median is 3, the ASC
 * 0.5-percentile is 2).
 *
 * @param continuous {@code true} for PERCENTILE_CONT
 * @param fraction   the fraction, in [0, 1], exactly as written in the query
 * @param descending whether the order is descending
 */
record Percentile(boolean continuous, BigDecimal fraction, boolean descending) {
  Percentile {
    requireNonNull(fraction, "fraction");
    if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(sqlName(continuous) + " fraction must be between 0 and 1,"
          + " got " + fraction.toPlainString());
    }
    fraction = fraction.stripTrailingZeros();
  }

  /** The SQL function's name. */
  String sqlName() {
    return sqlName(continuous);
  }

  /** A name that identifies the call in plans, e.g. {@code PERCENTILE_DISC(0.9 DESC)}. */
  String displayName() {
    return sqlName() + "(" + fraction.toPlainString() + (descending ? " DESC" : "") + ")";
  }

  private static String sqlName(boolean continuous) {
    return continuous ? "PERCENTILE_CONT" : "PERCENTILE_DISC";
  }
}
