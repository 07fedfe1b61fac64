package io.lakegate.generator;

import static io.lakegate.generator.RowAssertions.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The row API is a pure function of (seed, rows), whatever order partitions are asked for in. */
class SampleLakeDeterminismTest {
  private static final long ROWS = 20_000;

  @Test
  void sameSeedGivesSameRows() {
    SampleLake a = SampleLake.builder().seed(7).rows(ROWS).build();
    SampleLake b = SampleLake.builder().seed(7).rows(ROWS).build();
    assertSameRows(a.quoteOutcomes().toList(), b.quoteOutcomes().toList(), "quote_outcomes");
    assertSameRows(a.partnerMetrics().toList(), b.partnerMetrics().toList(), "partner_metrics");
    assertSameRows(a.commissionHistory().toList(), b.commissionHistory().toList(), "commission_history");
  }

  @Test
  void differentSeedGivesDifferentRows() {
    SampleLake a = SampleLake.builder().seed(1).rows(ROWS).build();
    SampleLake b = SampleLake.builder().seed(2).rows(ROWS).build();
    // assertFalse rather than assertNotEquals: a failure must not print two whole tables.
    assertFalse(a.quoteOutcomes().toList().equals(b.quoteOutcomes().toList()), "quote_outcomes equal");
    assertFalse(a.partnerMetrics().toList().equals(b.partnerMetrics().toList()), "partner_metrics equal");
    assertFalse(a.commissionHistory().toList().equals(b.commissionHistory().toList()), "commission_history equal");
  }

  @Test
  void partitionsAreIndependentOfTheOrderTheyAreGeneratedIn() {
    SampleLake lake = SampleLake.builder().rows(ROWS).build();
    LocalDate day = LocalDate.of(2026, 1, 15);
    List<QuoteOutcomeRow> alone = lake.quoteOutcomes(day).toList();
    List<QuoteOutcomeRow> fromFullStream = lake.quoteOutcomes().filter(q -> q.date().equals(day)).toList();
    assertTrue(alone.size() > 0);
    assertSameRows(alone, fromFullStream, "one day alone vs from the full stream");
    // Reversed day order, as a parallel writer might do it, gives the same rows per day.
    List<LocalDate> reversed = new ArrayList<>(lake.dates());
    Collections.reverse(reversed);
    List<PartnerMetricsRow> backwards = reversed.stream().flatMap(lake::partnerMetrics)
        .sorted((x, y) -> x.date().compareTo(y.date())).toList();
    assertSameRows(lake.partnerMetrics().toList(), backwards, "days generated backwards");
  }

  @Test
  void partnersDoNotDependOnTheRowCount() {
    SampleLake small = SampleLake.builder().rows(ROWS).build();
    SampleLake larger = SampleLake.builder().rows(5 * ROWS).build();
    assertSameRows(small.commissionHistory().toList(), larger.commissionHistory().toList(), "commission_history");
    Map<Integer, String> smallRegions = regions(small);
    Map<Integer, String> largerRegions = regions(larger);
    smallRegions.keySet().retainAll(largerRegions.keySet());
    assertTrue(smallRegions.size() > 20, "partners in both: " + smallRegions.size());
    smallRegions.forEach((id, region) -> assertEquals(region, largerRegions.get(id), "region of partner " + id));
  }

  @Test
  void rowCountsFollowTheRequestedTotal() {
    for (long rows : new long[] {20_000, 200_000}) {
      SampleLake lake = SampleLake.builder().rows(rows).build();
      long quotes = lake.quoteOutcomes().count();
      long metrics = lake.partnerMetrics().count();
      long commissions = lake.commissionHistory().count();
      long total = quotes + metrics + commissions;
      assertTrue(Math.abs(total - rows) < rows * 0.02, "total " + total + " for " + rows);
      assertTrue(Math.abs(metrics - rows * 0.19) < rows * 0.02, "partner_metrics " + metrics + " for " + rows);
      assertTrue(commissions > 400 && commissions < 3_000, "commission_history " + commissions);
    }
  }

  @Test
  void rejectsRowCountsOutsideTheSupportedRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SampleLake.builder().rows(100));
    assertTrue(e.getMessage().contains("rows must be between"), e.getMessage());
  }

  private static Map<Integer, String> regions(SampleLake lake) {
    return lake.partnerMetrics()
        .collect(Collectors.toMap(PartnerMetricsRow::partnerId, PartnerMetricsRow::region, (x, y) -> x));
  }
}
