package io.lakegate.generator;

import java.util.Arrays;

/**
 * Picks an index with probability proportional to its weight, from one uniform draw; binary
 * search keeps it cheap for the few hundred partner channels of a day.
 */
final class WeightedChoice {
  private final double[] cumulative;
  /** The last index with a positive weight: rounding at the top must never pick a zero weight. */
  private final int last;

  private WeightedChoice(double[] cumulative, int last) {
    this.cumulative = cumulative;
    this.last = last;
  }

  /** A choice over {@code weights}; at least one weight must be positive, none negative. */
  static WeightedChoice of(double... weights) {
    double[] cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0 || Double.isNaN(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " is " + weights[i]);
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("no positive weight among " + Arrays.toString(weights));
    }
    int last = 0;
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
      if (weights[i] > 0) {
        last = i;
      }
    }
    return new WeightedChoice(cumulative, last);
  }

  /** The index chosen by a uniform draw {@code u} in {@code [0, 1)}. */
  int pick(double u) {
    if (cumulative.length <= 8) {
      for (int i = 0; i < last; i++) {
        if (u < cumulative[i]) {
          return i;
        }
      }
      return last;
    }
    int found = Arrays.binarySearch(cumulative, u);
    int index = found >= 0 ? found + 1 : -found - 1;
    // Skip zero-weight entries (equal cumulative values) and guard rounding at the top.
    while (index < last && cumulative[index] <= u) {
      index++;
    }
    return Math.min(index, last);
  }

  int size() {
    return cumulative.length;
  }
}
