package io.lakegate.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.calcite.runtime.CalciteException;

import static java.util.Objects.requireNonNull;

/**
 * Runtime state of one {@code PERCENTILE_CONT}/{@code PERCENTILE_DISC} group:
 * collects the group's non-null {@code ORDER BY} values and computes the
 * percentile the way the SQL standard (and PostgreSQL) define it.
 *
 * <p>Generated Enumerable code creates one instance per group, calls
 * {@link #add} for every non-null value (Calcite's strict aggregate framework
 * skips NULLs and applies {@code FILTER}), and {@link #result} once. Values
 * arrive in Calcite's internal representation (DATE as epoch days, TIMESTAMP
 * as epoch milliseconds, DECIMAL as {@link BigDecimal}), so they are compared
 * by their natural order and returned in that same representation.
 *
 * <p>The whole group is held in memory, as PostgreSQL does for these
 * functions; exact percentiles cannot be computed in less.
 */
public final class PercentileAccumulator {
  private final boolean continuous;
  private final BigDecimal fraction;
  private final PercentileValues values;

  /**
   * Creates an empty accumulator.
   *
   * @param continuous {@code true} for PERCENTILE_CONT, {@code false} for PERCENTILE_DISC
   * @param fraction   the percentile, in [0, 1]
   * @param descending whether the {@code WITHIN GROUP} order is {@code DESC}
   */
  public PercentileAccumulator(boolean continuous, BigDecimal fraction, boolean descending) {
    requireNonNull(fraction, "fraction");
    if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("percentile fraction must be between 0 and 1, got "
          + fraction.toPlainString());
    }
    this.continuous = continuous;
    this.fraction = fraction;
    this.values = new PercentileValues(descending);
  }

  /** Adds one non-null value of the group: an integral value, a DATE, TIME or TIMESTAMP. */
  public void add(long value) {
    values.add(value);
  }

  /** Adds one non-null value of the group: a DOUBLE, FLOAT or REAL. */
  public void add(double value) {
    values.add(value);
  }

  /** Adds one non-null value of the group, of any type. */
  public void add(Object value) {
    values.add(requireNonNull(value, "value"));
  }

  /** Adds the values of another partial group (for engines that merge partial states). */
  public PercentileAccumulator merge(PercentileAccumulator other) {
    values.addAll(requireNonNull(other, "other").values);
    return this;
  }

  /** Number of values collected so far. */
  public int size() {
    return values.size();
  }

  /**
   * Returns the percentile of the collected values converted to
   * {@code target}, or throws if there are none (see
   * {@link PercentileAggImplementor} for why an empty group can get here).
   *
   * @throws CalciteException when the group is empty: the query, not the
   *     engine, is at fault, and Calcite raises its own run-time errors on SQL
   *     values (such as an illegal SUBSTRING length) with this type, whose
   *     message is written for the SQL user and shown to them as it is
   *
   * @param function name of the SQL function, for the error message
   * @param target   Java representation of the result type
   * @param scale    scale of a DECIMAL result, ignored otherwise
   */
  public Object result(String function, PercentileTarget target, int scale) {
    int n = values.size();
    if (n == 0) {
      throw new CalciteException(function + " has no input value in a group whose result"
          + " type is NOT NULL, so it cannot return NULL. Calcite types " + function
          + " like its ORDER BY expression; use a nullable ORDER BY expression (for example"
          + " ORDER BY NULLIF(x, NULL)) or make sure the group has rows.", null);
    }
    if (!continuous) {
      // PERCENTILE_DISC: the first value whose cumulative distribution i/n
      // reaches the fraction, i.e. the ceil(fraction * n)-th (at least the 1st).
      int rank = fraction.multiply(BigDecimal.valueOf(n))
          .setScale(0, RoundingMode.CEILING).intValueExact();
      int position = Math.max(rank, 1) - 1;
      values.select(position, false);
      return values.valueAt(position, target);
    }
    // PERCENTILE_CONT: position fraction * (n - 1), interpolated linearly
    // between the values either side of it.
    BigDecimal position = fraction.multiply(BigDecimal.valueOf(n - 1L));
    BigDecimal floor = position.setScale(0, RoundingMode.FLOOR);
    int lower = floor.intValueExact();
    BigDecimal weight = position.subtract(floor);
    boolean between = weight.signum() != 0;
    int upper = between ? lower + 1 : lower;
    values.select(lower, between);
    if (values.approximate(lower)) {
      double lo = values.doubleAt(lower);
      double hi = values.doubleAt(upper);
      return target.fromDouble(between ? lo + weight.doubleValue() * (hi - lo) : lo);
    }
    BigDecimal lo = values.exactAt(lower);
    BigDecimal hi = values.exactAt(upper);
    return target.fromExact(lo.add(weight.multiply(hi.subtract(lo))), scale);
  }
}
