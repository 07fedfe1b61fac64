package io.lakegate.functions;

import org.apache.calcite.runtime.CalciteException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The percentile arithmetic of {@link PercentileAccumulator}, value by value,
 * and, for every way it stores values, the same answers as the boxed
 * implementation it replaced.
 */
class PercentileAccumulatorTest {
  private static final List<String> FRACTIONS =
      List.of("0", "1", "0.5", "0.25", "0.9", "0.333", "0.01", "0.99");
  private static final double[] SPECIAL_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 1.5};
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

  /**
   * The accumulator before values were kept in primitive arrays: boxed values
   * sorted stably in their natural order. The answers must not change.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object boxedReference(boolean continuous, BigDecimal fraction, boolean descending,
      PercentileTarget target, int scale, List<?> values) {
    List<Object> sorted = new ArrayList<>(values);
    Comparator<Comparable> natural = Comparator.naturalOrder();
    sorted.sort((Comparator) (descending ? natural.reversed() : natural));
    int n = sorted.size();
    if (!continuous) {
      int rank = fraction.multiply(BigDecimal.valueOf(n))
          .setScale(0, RoundingMode.CEILING).intValueExact();
      return sorted.get(Math.max(rank, 1) - 1);
    }
    BigDecimal position = fraction.multiply(BigDecimal.valueOf(n - 1L));
    BigDecimal floor = position.setScale(0, RoundingMode.FLOOR);
    int lower = floor.intValueExact();
    BigDecimal weight = position.subtract(floor);
    Object low = sorted.get(lower);
    Object high = sorted.get(weight.signum() == 0 ? lower : lower + 1);
    if (low instanceof Double || low instanceof Float) {
      double lo = ((Number) low).doubleValue();
      double hi = ((Number) high).doubleValue();
      return target.fromDouble(weight.signum() == 0 ? lo : lo + weight.doubleValue() * (hi - lo));
    }
    BigDecimal lo = low instanceof BigDecimal ? (BigDecimal) low
        : BigDecimal.valueOf(((Number) low).longValue());
    BigDecimal hi = high instanceof BigDecimal ? (BigDecimal) high
        : BigDecimal.valueOf(((Number) high).longValue());
    return target.fromExact(lo.add(weight.multiply(hi.subtract(lo))), scale);
  }

  /** Adds as generated code does: integral and floating-point values unboxed. */
  private static void addTyped(PercentileAccumulator accumulator, Object value) {
    if (value instanceof Double || value instanceof Float) {
      accumulator.add(((Number) value).doubleValue());
    } else if (value instanceof Number && !(value instanceof BigDecimal)) {
      accumulator.add(((Number) value).longValue());
    } else {
      accumulator.add(value);
    }
  }

  /**
   * For random groups of {@code values}: every fraction, both functions, both
   * directions, values added boxed or unboxed, in one group or merged from
   * two, and asked again after more values arrive, answer exactly (equals,
   * so also the class, the scale and the sign of zero) as {@link #boxedReference}.
   */
  private static void assertSameAsBoxed(PercentileTarget target, int scale,
      Supplier<Object> values) {
    Random random = new Random(7);
    for (int group = 0; group < 60; group++) {
      int n = group < 3 ? group + 1 : 1 + random.nextInt(group < 56 ? 40 : 2000);
      List<Object> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(values.get());
      }
      for (String text : FRACTIONS) {
        BigDecimal fraction = new BigDecimal(text);
        for (boolean continuous : new boolean[] {false, true}) {
          for (boolean descending : new boolean[] {false, true}) {
            Supplier<String> what = () -> (continuous ? "CONT " : "DISC ") + text
                + (descending ? " DESC" : "") + " of " + (n < 20 ? all.toString() : n + " values");
            Object expected = boxedReference(continuous, fraction, descending, target, scale, all);
            String function = continuous ? "PERCENTILE_CONT" : "PERCENTILE_DISC";

            PercentileAccumulator boxed =
                new PercentileAccumulator(continuous, fraction, descending);
            all.forEach(boxed::add);
            assertExactly(expected, boxed.result(function, target, scale), what);

            // The values split between two partial groups at a random point; the first
            // answers early (rearranging its values) before the second is merged into it.
            int split = random.nextInt(n + 1);
            PercentileAccumulator left =
                new PercentileAccumulator(continuous, fraction, descending);
            PercentileAccumulator right =
                new PercentileAccumulator(continuous, fraction, descending);
            all.subList(0, split).forEach(value -> addTyped(left, value));
            all.subList(split, n).forEach(value -> addTyped(right, value));
            if (split > 0) {
              assertExactly(boxedReference(continuous, fraction, descending, target, scale,
                  all.subList(0, split)), left.result(function, target, scale),
                  () -> "first " + split + " of " + what.get());
            }
            assertExactly(expected, left.merge(right).result(function, target, scale),
                () -> "typed and merged " + what.get());
            assertExactly(expected, left.result(function, target, scale),
                () -> "asked twice " + what.get());
          }
        }
      }
    }
  }

  private static void assertExactly(Object expected, Object actual, Supplier<String> what) {
    assertEquals(expected.getClass(), actual.getClass(), what);
    assertEquals(expected, actual, what);
  }

  @Test void integersAsLongs() {
    Random random = new Random(1);
    assertSameAsBoxed(PercentileTarget.INTEGER, 0, () -> random.nextInt(50) - 25);
    assertSameAsBoxed(PercentileTarget.INTEGER, 0, random::nextInt);
    assertSameAsBoxed(PercentileTarget.SMALLINT, 0, () -> (short) random.nextInt());
    assertSameAsBoxed(PercentileTarget.TINYINT, 0, () -> (byte) random.nextInt());
  }

  @Test void bigintsDatesAndTimestampsAsLongs() {
    Random random = new Random(2);
    assertSameAsBoxed(PercentileTarget.BIGINT, 0, random::nextLong);
    assertSameAsBoxed(PercentileTarget.BIGINT, 0,
        () -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3)
            : Long.MIN_VALUE + random.nextInt(3));
    // DATE: epoch days either side of 1970; TIMESTAMP: epoch milliseconds.
    assertSameAsBoxed(PercentileTarget.INT_FLOOR, 0, () -> random.nextInt(40_000) - 20_000);
    assertSameAsBoxed(PercentileTarget.LONG_FLOOR, 0,
        () -> random.nextLong() % 4_000_000_000_000L);
  }

  @Test void doublesAndRealsWithNaNInfinitiesAndSignedZeros() {
    Random random = new Random(3);
    Supplier<Object> doubles = () -> random.nextInt(4) == 0
        ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)]
        : random.nextInt(20) / 4.0 - 2;
    assertSameAsBoxed(PercentileTarget.DOUBLE, 0, doubles);
    assertSameAsBoxed(PercentileTarget.DOUBLE, 0, random::nextGaussian);
    assertSameAsBoxed(PercentileTarget.REAL, 0,
        () -> (float) ((Double) doubles.get()).doubleValue());
  }

  @Test void decimalsOfOneScaleAsUnscaledLongs() {
    Random random = new Random(4);
    assertSameAsBoxed(PercentileTarget.DECIMAL, 2,
        () -> BigDecimal.valueOf(random.nextInt(20_000) - 10_000, 2));
    assertSameAsBoxed(PercentileTarget.DECIMAL, 0,
        () -> BigDecimal.valueOf(random.nextLong(), 0));
    assertSameAsBoxed(PercentileTarget.DECIMAL, 3,
        () -> BigDecimal.valueOf(random.nextLong(), -3));
  }

  @Test void decimalsOfMixedScalesOrBeyondLongAsObjects() {
    Random random = new Random(5);
    // Equal values with different scales: DISC returns the first to arrive, as the stable sort did.
    assertSameAsBoxed(PercentileTarget.DECIMAL, 2,
        () -> BigDecimal.valueOf(random.nextInt(8), 1).setScale(1 + random.nextInt(3)));
    assertSameAsBoxed(PercentileTarget.DECIMAL, 1, () -> random.nextInt(10) == 0
        ? new BigDecimal("1234567890123456789012.5")
        : BigDecimal.valueOf(random.nextInt(1000), 1));
  }

  @Test void mixedIntegralClassesShareTheLongStorage() {
    // Integer and Long values of one group: the boxed sort failed on them; now they are one order.
    PercentileAccumulator mixed = new PercentileAccumulator(false, new BigDecimal("0.5"), false);
    List.<Object>of(5L, 1, (short) 4, 2L, (byte) 3, 6).forEach(mixed::add);
    assertEquals(3L, mixed.result("PERCENTILE_DISC", PercentileTarget.BIGINT, 0));
    PercentileAccumulator cont = new PercentileAccumulator(true, new BigDecimal("0.5"), true);
    cont.add(1);
    cont.add(2L);
    cont.add(Integer.valueOf(4));
    cont.add(Long.valueOf(10));
    assertEquals(3L, cont.result("PERCENTILE_CONT", PercentileTarget.BIGINT, 0));
  }

  @Test void valuesOfIncomparableClassesStillFailAsTheyDid() {
    // Generated code never mixes them (a column has one type); the boxed sort threw the same.
    PercentileAccumulator mixed = new PercentileAccumulator(false, new BigDecimal("0.5"), false);
    mixed.add(1L);
    mixed.add(2.5);
    assertThrows(ClassCastException.class,
        () -> mixed.result("PERCENTILE_DISC", PercentileTarget.BIGINT, 0));
  }

  @Test void doublesFollowDoubleCompareTo() {
    // -0.0 before 0.0, NaN after +Infinity: Double.compareTo's order (and Arrays.sort(double[])'s).
    List<Double> values = List.of(0.0, Double.NaN, -0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1.0);
    assertEquals(Double.NEGATIVE_INFINITY,
        percentile(false, "0", false, PercentileTarget.DOUBLE, 0, values));
    assertEquals(-0.0, percentile(false, "0.3", false, PercentileTarget.DOUBLE, 0, values));
    assertEquals(0.0, percentile(false, "0.5", false, PercentileTarget.DOUBLE, 0, values));
    assertEquals(Double.NaN, percentile(false, "1", false, PercentileTarget.DOUBLE, 0, values));
    assertEquals(Double.NaN, percentile(false, "0", true, PercentileTarget.DOUBLE, 0, values));
    // Between +Infinity and NaN the interpolation is NaN; between 1 and +Infinity, +Infinity.
    assertEquals(Double.NaN, percentile(true, "0.9", false, PercentileTarget.DOUBLE, 0, values));
    assertEquals(Double.POSITIVE_INFINITY,
        percentile(true, "0.7", false, PercentileTarget.DOUBLE, 0, values));
  }
}
