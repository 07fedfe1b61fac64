package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Both weighted pickers choose indexes at the rates of their weights. */
class ChoiceTest {
  private static final double[] WEIGHTS = {5, 0.5, 20, 1, 0.01, 3, 7, 0.2, 9, 2, 4};
  private static final int DRAWS = 400_000;

  @Test
  void aliasTableFollowsTheWeights() {
    AliasTable table = new AliasTable(WEIGHTS);
    assertRates(u -> table.pick(u));
  }

  @Test
  void weightedChoiceFollowsTheWeightsAndSkipsZeroWeights() {
    WeightedChoice choice = WeightedChoice.of(WEIGHTS);
    assertRates(choice::pick);
    WeightedChoice withZeros = WeightedChoice.of(0, 1, 0, 1, 0);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      int picked = withZeros.pick(rng.nextDouble());
      assertEquals(1, picked % 2, "picked a zero weight");
    }
    assertEquals(3, withZeros.pick(0.9999999999999999));
  }

  @Test
  void rejectsUnusableWeights() {
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, 0}));
    assertThrows(IllegalArgumentException.class, () -> WeightedChoice.of(0, 0));
    assertThrows(IllegalArgumentException.class, () -> WeightedChoice.of(1, -1));
  }

  private static void assertRates(java.util.function.DoubleToIntFunction pick) {
    double total = 0;
    for (double w : WEIGHTS) {
      total += w;
    }
    int[] counts = new int[WEIGHTS.length];
    SplittableRandom rng = new SplittableRandom(99);
    for (int i = 0; i < DRAWS; i++) {
      counts[pick.applyAsInt(rng.nextDouble())]++;
    }
    for (int i = 0; i < WEIGHTS.length; i++) {
      double expected = WEIGHTS[i] / total;
      double sd = Math.sqrt(expected * (1 - expected) / DRAWS);
      assertEquals(expected, counts[i] / (double) DRAWS, 5 * sd + 1e-5, "index " + i);
    }
  }
}
