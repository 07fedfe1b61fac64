package io.lakegate.functions;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order {@link PercentileValues} gives doubles stored as longs: the
 * order boxed doubles were sorted in, {@link Double#compareTo}.
 */
class PercentileValuesTest {
  private static double[] doubles() {
    double[] special = {Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0};
    Random random = new Random(11);
    double[] values = Arrays.copyOf(special, special.length + 200);
    for (int i = special.length; i < values.length; i++) {
      values[i] = random.nextBoolean()
          ? random.nextGaussian() * 1e6
          : special[random.nextInt(special.length)];
    }
    return values;
  }

  @Test void sortableBitsOrderIsDoubleCompare() {
    double[] values = doubles();
    for (double a : values) {
      // Round trip: the same double (NaNs become the canonical NaN, which
      // Double.equals cannot tell apart).
      long key = PercentileValues.sortableBits(a);
      assertEquals(Double.doubleToLongBits(a),
          Double.doubleToRawLongBits(PercentileValues.fromSortableBits(key)));
      for (double b : values) {
        assertEquals(Integer.signum(Double.compare(a, b)),
            Integer.signum(Long.compare(key, PercentileValues.sortableBits(b))),
            () -> a + " vs " + b);
      }
    }
  }

  @Test void arraysSortOfDoublesIsTheSameTotalOrder() {
    // Arrays.sort(double[]) documents Double.compareTo's order; checked here, since both orders
    // must agree for primitive storage to answer as boxed values sorted by compareTo did.
    double[] values = doubles();
    Double[] boxed = Arrays.stream(values).boxed().toArray(Double[]::new);
    Arrays.sort(boxed, Double::compareTo);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    // assertArrayEquals compares doubles by doubleToLongBits: -0.0 is not 0.0.
    assertArrayEquals(Arrays.stream(boxed).mapToDouble(Double::doubleValue).toArray(), sorted);
  }
}
