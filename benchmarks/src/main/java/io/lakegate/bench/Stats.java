package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Summary statistics of one series of timings: the median (the mean of the two middle values for an
 * even count) and nearest-rank percentiles (p99 of fewer than 100 samples is therefore the largest).
 *
 * @param count number of samples
 * @param median the median
 * @param p99 the 99th percentile, nearest rank
 * @param min the smallest sample
 * @param max the largest sample
 * @param mean the arithmetic mean
 */
public record Stats(int count, double median, double p99, double min, double max, double mean) {

  /** The statistics of {@code samples}; an empty series has count 0 and NaN everywhere else. */
  public static Stats of(Collection<Double> samples) {
    requireNonNull(samples, "samples");
    if (samples.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> sorted = new ArrayList<>(samples);
    for (Double sample : sorted) {
      if (sample == null || sample.isNaN()) {
        throw new IllegalArgumentException("a sample is missing or NaN: " + samples);
      }
    }
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return new Stats(n, median, percentile(sorted, 99), sorted.get(0), sorted.get(n - 1), sum / n);
  }

  /** The nearest-rank percentile {@code p} (0 < p <= 100) of an ascending list. */
  static double percentile(List<Double> ascending, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100 * ascending.size());
    return ascending.get(Math.max(rank, 1) - 1);
  }

  /** The geometric mean of positive ratios (the usual way to average ratios); NaN when there are none. */
  public static double geometricMean(Collection<Double> ratios) {
    requireNonNull(ratios, "ratios");
    if (ratios.isEmpty()) {
      return Double.NaN;
    }
    double logSum = 0;
    for (double ratio : ratios) {
      if (!(ratio > 0) || Double.isInfinite(ratio)) {
        throw new IllegalArgumentException("ratios must be positive and finite: " + ratios);
      }
      logSum += Math.log(ratio);
    }
    return Math.exp(logSum / ratios.size());
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
