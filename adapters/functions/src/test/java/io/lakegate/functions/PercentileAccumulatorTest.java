package io.lakegate.functions;

import org.apache.calcite.runtime.CalciteException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The percentile arithmetic of {@link PercentileAccumulator}, value by value. */
class PercentileAccumulatorTest {
  private static Object percentile(boolean continuous, String fraction, boolean descending,
      PercentileTarget target, int scale, List<?> values) {
    PercentileAccumulator accumulator =
        new PercentileAccumulator(continuous, new BigDecimal(fraction), descending);
    values.forEach(accumulator::add);
    return accumulator.result(continuous ? "PERCENTILE_CONT" : "PERCENTILE_DISC", target, scale);
  }

  @Test void discreteTakesTheFirstValueReachingTheFraction() {
    List<Integer> values = List.of(4, 1, 3, 2);
    assertEquals(1, percentile(false, "0", false, PercentileTarget.INTEGER, 0, values));
    assertEquals(1, percentile(false, "0.25", false, PercentileTarget.INTEGER, 0, values));
    assertEquals(2, percentile(false, "0.26", false, PercentileTarget.INTEGER, 0, values));
    assertEquals(2, percentile(false, "0.5", false, PercentileTarget.INTEGER, 0, values));
    assertEquals(4, percentile(false, "1", false, PercentileTarget.INTEGER, 0, values));
  }

  @Test void descendingDiscreteIsNotOneMinusTheFraction() {
    List<Integer> values = List.of(1, 2, 3, 4);
    assertEquals(3, percentile(false, "0.5", true, PercentileTarget.INTEGER, 0, values));
    assertEquals(2, percentile(false, "0.5", false, PercentileTarget.INTEGER, 0, values));
  }

  @Test void continuousInterpolatesLinearly() {
    List<Double> values = List.of(10.0, 20.0, 30.0, 40.0);
    // Position 0.3 * 3 = 0.9 -> 10 + 0.9 * 10 = 19.
    assertEquals(19.0, (Double) percentile(true, "0.3", false, PercentileTarget.DOUBLE, 0, values),
        1e-12);
    // DESC: 40 30 20 10, position 0.9 -> 40 - 0.9 * 10 = 31 = ASC at 0.7.
    assertEquals(31.0, (Double) percentile(true, "0.3", true, PercentileTarget.DOUBLE, 0, values),
        1e-12);
    assertEquals(25.0, percentile(true, "0.5", false, PercentileTarget.DOUBLE, 0, values));
  }

  @Test void exactValuesAreInterpolatedExactlyThenTruncatedLikeCast() {
    List<BigDecimal> values = List.of(new BigDecimal("10.00"), new BigDecimal("25.05"));
    // 10 + 0.7 * 15.05 = 20.535 -> DECIMAL(.., 2) 20.53.
    assertEquals(new BigDecimal("20.53"),
        percentile(true, "0.7", false, PercentileTarget.DECIMAL, 2, values));
    assertEquals(new BigDecimal("20.535"),
        percentile(true, "0.7", false, PercentileTarget.DECIMAL, 3, values));
    // BIGINT beyond double's 53 bits stays exact: midpoint of 2^60 and 2^60 + 2.
    long big = 1L << 60;
    assertEquals(big + 1, percentile(true, "0.5", false, PercentileTarget.BIGINT, 0,
        List.of(big, big + 2)));
    // Negative INTEGER results truncate toward zero, like CAST: -1.5 -> -1.
    assertEquals(-1, percentile(true, "0.5", false, PercentileTarget.INTEGER, 0, List.of(-2, -1)));
  }

  @Test void datetimesRoundDown() {
    // Epoch days -3 and -2 (before 1970): the midpoint -2.5 becomes day -3.
    assertEquals(-3, percentile(true, "0.5", false, PercentileTarget.INT_FLOOR, 0, List.of(-3, -2)));
    assertEquals(1500L, percentile(true, "0.5", false, PercentileTarget.LONG_FLOOR, 0,
        List.of(1000L, 2001L)));
  }

  @Test void mergeCombinesPartialGroups() {
    PercentileAccumulator left = new PercentileAccumulator(false, new BigDecimal("0.5"), false);
    PercentileAccumulator right = new PercentileAccumulator(false, new BigDecimal("0.5"), false);
    left.add(5);
    right.add(1);
    right.add(3);
    assertEquals(3, left.merge(right).size());
    assertEquals(3, left.result("PERCENTILE_DISC", PercentileTarget.INTEGER, 0));
  }

  @Test void emptyGroupWithANotNullTypeFailsClearly() {
    PercentileAccumulator empty = new PercentileAccumulator(true, BigDecimal.ONE, false);
    // CalciteException, Calcite's type for run-time errors a SQL user caused: the gateway shows its message.
    CalciteException e = assertThrows(CalciteException.class,
        () -> empty.result("PERCENTILE_CONT", PercentileTarget.INTEGER, 0));
    assertTrue(e.getMessage().contains("NULLIF(x, NULL)"), e.getMessage());
  }

  @Test void fractionOutsideZeroOneIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PercentileAccumulator(true, new BigDecimal("1.01"), false));
    assertEquals("percentile fraction must be between 0 and 1, got 1.01", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Percentile(false, new BigDecimal("-0.1"), false));
  }
}
