package io.lakegate.e2e;

import java.util.List;

/** The SQL standard's percentiles, computed in plain Java for expected answers. */
final class Percentiles {
  private Percentiles() {
  }

  /** PERCENTILE_CONT: linear interpolation between the two nearest ranks of sorted values. */
  static double cont(List<Double> sorted, double fraction) {
    double position = fraction * (sorted.size() - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
  }

  /** PERCENTILE_DISC: the first value whose cumulative distribution reaches the fraction. */
  static <T> T disc(List<T> sorted, double fraction) {
    int index = Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1);
    return sorted.get(index);
  }
}
