package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test void medianOfAnOddCountIsTheMiddleValue() {
    Stats stats = Stats.of(List.of(5.0, 1.0, 3.0));
    assertEquals(3.0, stats.median());
    assertEquals(1.0, stats.min());
    assertEquals(5.0, stats.max());
    assertEquals(3.0, stats.mean(), 1e-12);
    assertEquals(3, stats.count());
  }

  @Test void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertEquals(2.5, Stats.of(List.of(4.0, 1.0, 2.0, 3.0)).median());
  }

  @Test void p99IsTheNearestRank() {
    List<Double> samples = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      samples.add((double) i);
    }
    Collections.shuffle(samples);
    // rank ceil(0.99 * 200) = 198
    assertEquals(198.0, Stats.of(samples).p99());
  }

  @Test void p99OfFewerThanAHundredSamplesIsTheSlowest() {
    assertEquals(9.0, Stats.of(List.of(1.0, 9.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 4.5)).p99());
    assertEquals(7.0, Stats.of(List.of(7.0)).p99());
  }

  @Test void anEmptySeriesHasNoStatistics() {
    Stats stats = Stats.of(List.of());
    assertTrue(stats.isEmpty());
    assertTrue(Double.isNaN(stats.median()));
    assertTrue(Double.isNaN(stats.p99()));
  }

  @Test void aNanSampleIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of(1.0, Double.NaN)));
  }

  @Test void percentileRankIsBounded() {
    assertEquals(1.0, Stats.percentile(List.of(1.0, 2.0), 1));
    assertEquals(2.0, Stats.percentile(List.of(1.0, 2.0), 100));
    assertThrows(IllegalArgumentException.class, () -> Stats.percentile(List.of(1.0), 0));
  }

  @Test void geometricMeanAveragesRatiosSymmetrically() {
    // 2x slower on one query and 2x faster on another is even overall
    assertEquals(1.0, Stats.geometricMean(List.of(2.0, 0.5)), 1e-12);
    assertEquals(4.0, Stats.geometricMean(List.of(2.0, 8.0)), 1e-12);
    assertTrue(Double.isNaN(Stats.geometricMean(List.of())));
    assertThrows(IllegalArgumentException.class, () -> Stats.geometricMean(List.of(1.0, 0.0)));
  }

  @Test void ratiosLeaveOutQueriesWithoutAnAnswer() {
    assertEquals(2.0, Ratios.geometricMean(List.of(2.0, Double.NaN)), 1e-12);
    assertEquals(3.0, Ratios.max(List.of(1.0, Double.NaN, 3.0)));
    assertTrue(Double.isNaN(Ratios.max(List.of(Double.NaN))));
  }
}
