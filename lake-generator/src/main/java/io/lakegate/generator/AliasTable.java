package io.lakegate.generator;

/**
 * Picks an index with probability proportional to its weight in constant time from one uniform
 * draw (Vose's alias method); used for the per-row choice among a day's few hundred partner
 * channels, where a search per row was a visible share of generation time.
 */
final class AliasTable {
  private final double[] probability;
  private final int[] alias;

  /** A table over {@code weights}, which must all be positive. */
  AliasTable(double[] weights) {
    int n = weights.length;
    double total = 0;
    for (double w : weights) {
      if (!(w > 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be positive and finite, got " + w);
      }
      total += w;
    }
    if (n == 0) {
      throw new IllegalArgumentException("no weights");
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int less = small[--smallCount];
      int more = large[--largeCount];
      probability[less] = scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      if (scaled[more] < 1) {
        small[smallCount++] = more;
      } else {
        large[largeCount++] = more;
      }
    }
    // Whatever is left has a scaled weight of 1 up to rounding: it never defers to an alias.
    while (largeCount > 0) {
      int i = large[--largeCount];
      probability[i] = 1;
      alias[i] = i;
    }
    while (smallCount > 0) {
      int i = small[--smallCount];
      probability[i] = 1;
      alias[i] = i;
    }
  }

  /** The index chosen by a uniform draw {@code u} in {@code [0, 1)}. */
  int pick(double u) {
    double scaled = u * probability.length;
    int column = Math.min((int) scaled, probability.length - 1);
    return scaled - column < probability[column] ? column : alias[column];
  }
}
