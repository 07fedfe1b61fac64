package io.lakegate.generator;

import java.util.SplittableRandom;

/**
 * The few continuous distributions the generator draws from, built only on
 * {@link SplittableRandom#nextDouble()} and {@link StrictMath} so that a seed gives the same
 * values on every JVM and platform.
 */
final class Draws {
  private static final double IRWIN_HALL_SCALE = Math.sqrt(3.0); // 4 uniforms: variance 4/12
  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private Draws() {
  }

  /**
   * An approximately standard normal value, bounded to about ±3.5: the sum of four uniforms.
   * Bounded tails keep generated money and latencies plausible without clamping.
   */
  static double normal(SplittableRandom rng) {
    double sum = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
    return (sum - 2.0) * IRWIN_HALL_SCALE;
  }

  /** A multiplicative noise factor with median 1 and log-standard-deviation {@code sigma}. */
  static double lognormal(SplittableRandom rng, double sigma) {
    return StrictMath.exp(sigma * normal(rng));
  }

  /** A uniform value in {@code [low, high)}. */
  static double uniform(SplittableRandom rng, double low, double high) {
    return low + (high - low) * rng.nextDouble();
  }

  /** True with probability {@code p}. */
  static boolean chance(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }

  /** {@code value} rounded half-up to {@code decimals} decimal places, for readable doubles. */
  static double round(double value, int decimals) {
    double factor = POWERS_OF_TEN[decimals];
    return Math.round(value * factor) / factor;
  }
}
