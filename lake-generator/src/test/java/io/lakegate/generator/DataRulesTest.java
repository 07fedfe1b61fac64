package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows keep the promises of model.json's descriptions: NULL exactly where described and at
 * the promised rates, money at its declared scale, timestamps inside their partition day, the
 * fixed vocabularies, and a skewed, seasonal volume.
 */
class DataRulesTest {
  static List<QuoteOutcomeRow> quotes;
  static List<PartnerMetricsRow> metrics;
  static List<CommissionHistoryRow> commissions;

  @BeforeAll
  static void generate() {
    SampleLake lake = SampleLake.builder().seed(42).rows(200_000).build();
    quotes = lake.quoteOutcomes().toList();
    metrics = lake.partnerMetrics().toList();
    commissions = lake.commissionHistory().toList();
  }

  @Test
  void quotePremiumsAreNullUnlessWon() {
    for (QuoteOutcomeRow q : quotes) {
      boolean won = q.outcome().equals("won");
      assertEquals(won, q.finalPremium() != null, q::toString);
      assertEquals(won, q.giveaway() != null, q::toString);
      if (won) {
        assertEquals(q.listPremium(), q.finalPremium().add(q.giveaway()));
        assertTrue(q.giveaway().signum() >= 0);
        assertEquals(2, q.finalPremium().scale());
      }
      assertEquals(2, q.listPremium().scale());
      assertTrue(q.listPremium().compareTo(new BigDecimal("5.00")) >= 0);
    }
  }

  @Test
  void decidedAtIsNullExactlyForExpiredAndErrorAndFollowsQuotedAt() {
    for (QuoteOutcomeRow q : quotes) {
      boolean undecided = q.outcome().equals("expired") || q.outcome().equals("error");
      assertEquals(undecided, q.decidedAt() == null, q::toString);
      if (!undecided) {
        assertTrue(q.decidedAt().isAfter(q.quotedAt()), q::toString);
      }
    }
  }

  @Test
  void quotedAtLiesInsideItsDatePartitionAndIdsAreUniqueAndIncreasing() {
    long previousId = 0;
    Instant previousAt = Instant.MIN;
    for (QuoteOutcomeRow q : quotes) {
      assertEquals(q.date(), LocalDate.ofInstant(q.quotedAt(), ZoneOffset.UTC), q::toString);
      assertEquals(previousId + 1, q.quoteId());
      assertFalse(q.quotedAt().isBefore(previousAt));
      previousId = q.quoteId();
      previousAt = q.quotedAt();
    }
  }

  @Test
  void nullRatesAreAsDescribed() {
    assertRate(quotes, q -> q.riskScore() == null, 0.05, 0.01, "risk_score NULL");
    assertRate(quotes, q -> q.customerId() == null, 0.08, 0.015, "customer_id NULL");
    assertRate(metrics, m -> m.avgResponseMs() == null, 0.03, 0.01, "avg_response_ms NULL");
    assertTrue(commissions.stream().anyMatch(c -> c.flatFee() == null));
    assertTrue(commissions.stream().anyMatch(c -> c.flatFee() != null));
    assertTrue(commissions.stream().anyMatch(c -> c.changedBy() == null));
    assertTrue(commissions.stream().anyMatch(c -> c.changedBy() != null));
    for (QuoteOutcomeRow q : quotes) {
      if (q.isRenewal()) {
        assertNotNull(q.customerId(), "renewals name their customer");
      }
      if (q.riskScore() != null) {
        assertTrue(q.riskScore() >= 0 && q.riskScore() <= 1);
      }
    }
  }

  @Test
  void customerIdsHaveHighCardinality() {
    long distinct = quotes.stream().map(QuoteOutcomeRow::customerId).filter(c -> c != null).distinct().count();
    assertTrue(distinct > quotes.size() / 3, "distinct customers " + distinct + " of " + quotes.size());
  }

  @Test
  void metricsNullsFollowWinsAndTelemetry() {
    for (PartnerMetricsRow m : metrics) {
      assertEquals(m.quotesWon() == 0, m.giveawayRate() == null, m::toString);
      assertEquals(m.quotesWon() == 0, m.grossPremium().signum() == 0, m::toString);
      assertEquals(m.avgResponseMs() == null, m.p95ResponseMs() == null, m::toString);
      assertTrue(m.quotesWon() <= m.quotesRequested());
      assertTrue(m.giveaway().compareTo(m.grossPremium()) <= 0);
      if (m.giveawayRate() != null) {
        assertEquals(m.giveaway().doubleValue() / m.grossPremium().doubleValue(), m.giveawayRate(), 1e-12);
      }
      if (m.p95ResponseMs() != null) {
        assertTrue(m.p95ResponseMs() > m.avgResponseMs());
      }
      assertTrue(m.loadedAt().isAfter(m.date().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
      assertEquals(2, m.grossPremium().scale());
    }
    assertTrue(metrics.stream().anyMatch(m -> !m.isPartnerActive()), "some rows outside the contract");
  }

  @Test
  void metricsHaveOneRowPerDatePartnerAndNetwork() {
    Set<String> keys = metrics.stream().map(m -> m.date() + "/" + m.partnerId() + "/" + m.network())
        .collect(Collectors.toSet());
    assertEquals(metrics.size(), keys.size());
  }

  @Test
  void metricsAgreeWithQuoteVolumeInAggregate() {
    long requested = metrics.stream().mapToLong(PartnerMetricsRow::quotesRequested).sum();
    assertTrue(Math.abs(requested - quotes.size()) < quotes.size() * 0.05,
        "metrics say " + requested + " quotes, quote_outcomes has " + quotes.size());
  }

  @Test
  void commissionTermsChainWithOneOpenEndedTermPerCurrentContract() {
    Map<String, List<CommissionHistoryRow>> chains = commissions.stream()
        .collect(Collectors.groupingBy(c -> c.partnerId() + "/" + c.network()));
    for (List<CommissionHistoryRow> chain : chains.values()) {
      List<CommissionHistoryRow> sorted = chain.stream()
          .sorted(Comparator.comparing(CommissionHistoryRow::effectiveFrom)).toList();
      for (int i = 0; i + 1 < sorted.size(); i++) {
        assertEquals(sorted.get(i + 1).effectiveFrom().minusDays(1), sorted.get(i).effectiveTo());
      }
      for (CommissionHistoryRow row : sorted) {
        assertTrue(row.changedAt().isBefore(row.effectiveFrom().atStartOfDay().toInstant(ZoneOffset.UTC)));
        assertEquals(4, row.commissionRate().scale());
        assertTrue(row.commissionRate().signum() > 0 && row.commissionRate().compareTo(BigDecimal.ONE) < 0);
      }
    }
    assertTrue(commissions.stream().anyMatch(c -> c.effectiveTo() == null));
    assertTrue(commissions.size() > 2 * 400 / 2, "a few rows per partner and network: " + commissions.size());
  }

  @Test
  void vocabulariesAreTheDeclaredOnes() {
    assertEquals(Set.of("direct", "aggregator", "broker", "embedded", "api"),
        distinct(quotes, QuoteOutcomeRow::network));
    assertEquals(Set.of("auto", "home", "travel", "pet", "life", "business"),
        distinct(quotes, QuoteOutcomeRow::product));
    assertEquals(Set.of("won", "lost", "expired", "declined", "error"), distinct(quotes, QuoteOutcomeRow::outcome));
    assertEquals(Set.of("US-East", "US-West", "EU", "UK", "APAC"), distinct(metrics, PartnerMetricsRow::region));
    assertEquals(Set.of("bronze", "silver", "gold", "platinum"), distinct(commissions, CommissionHistoryRow::tier));
    assertEquals(400, distinct(quotes, QuoteOutcomeRow::partnerId).size());
  }

  @Test
  void outcomeMixIsRoughlyTheBusinessMix() {
    assertRate(quotes, q -> q.outcome().equals("won"), 0.23, 0.03, "won");
    assertRate(quotes, q -> q.outcome().equals("lost"), 0.46, 0.04, "lost");
    assertRate(quotes, q -> q.outcome().equals("expired"), 0.19, 0.03, "expired");
    assertRate(quotes, q -> q.outcome().equals("declined"), 0.10, 0.02, "declined");
    assertRate(quotes, q -> q.outcome().equals("error"), 0.025, 0.01, "error");
  }

  @Test
  void aFewLargePartnersCarryMostQuotesAndWeekendsAreQuiet() {
    Map<Integer, Long> perPartner = quotes.stream()
        .collect(Collectors.groupingBy(QuoteOutcomeRow::partnerId, Collectors.counting()));
    long topTen = perPartner.values().stream().sorted(Comparator.reverseOrder()).limit(10)
        .mapToLong(Long::longValue).sum();
    assertTrue(topTen > quotes.size() / 2, "top ten partners carry " + topTen + " of " + quotes.size());

    Map<Boolean, Long> byWeekend = new HashMap<>();
    for (QuoteOutcomeRow q : quotes) {
      byWeekend.merge(q.date().getDayOfWeek().getValue() >= 6, 1L, Long::sum);
    }
    double weekdayMean = byWeekend.get(false) / 5.0;
    double weekendMean = byWeekend.get(true) / 2.0;
    assertTrue(weekendMean < 0.7 * weekdayMean, "weekend " + weekendMean + " vs weekday " + weekdayMean);
  }

  private static <T> void assertRate(List<T> rows, java.util.function.Predicate<T> test, double expected,
      double tolerance, String what) {
    double rate = rows.stream().filter(test).count() / (double) rows.size();
    assertTrue(Math.abs(rate - expected) <= tolerance, what + " rate " + rate + ", expected " + expected);
  }

  private static <T, V> Set<V> distinct(List<T> rows, Function<T, V> value) {
    return rows.stream().map(value).collect(Collectors.toSet());
  }

  @Test
  void absentValuesAreNullNotDefaults() {
    QuoteOutcomeRow expired = quotes.stream().filter(q -> q.outcome().equals("expired")).findFirst().orElseThrow();
    assertNull(expired.decidedAt());
    assertNull(expired.finalPremium());
    assertNull(expired.giveaway());
  }
}
