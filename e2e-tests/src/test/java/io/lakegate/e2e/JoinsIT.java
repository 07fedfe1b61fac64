package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lakegate.generator.CommissionHistoryRow;
import io.lakegate.generator.QuoteOutcomeRow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Joins across the three tables, CTEs, window functions and subqueries. */
@ExtendWith(SharedGateway.class)
class JoinsIT {
  private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);

  @Test void commissionOwedInJanuaryJoinsOutcomesWithTheTermsInForce(LakegateFixture gateway) throws SQLException {
    List<CommissionHistoryRow> terms = gateway.lake().commissionHistory().toList();
    Map<Integer, BigDecimal> expected = new TreeMap<>();
    gateway.lake().quoteOutcomes()
        .filter(q -> q.outcome().equals("won") && !q.date().isBefore(JAN_1) && !q.date().isAfter(JAN_31))
        .forEach(q -> terms.stream()
            .filter(t -> t.partnerId() == q.partnerId() && t.network().equals(q.network())
                && !q.date().isBefore(t.effectiveFrom()) && (t.effectiveTo() == null || !q.date().isAfter(t.effectiveTo())))
            .forEach(t -> expected.merge(q.partnerId(), q.finalPremium().multiply(t.commissionRate()), BigDecimal::add)));
    assertFalse(expected.isEmpty(), "the sample lake has won quotes under commission terms in January");

    Map<Integer, BigDecimal> actual = new TreeMap<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "select q.partner_id, sum(q.final_premium * c.commission_rate) as commission"
          + " from quote_outcomes q join commission_history c"
          + " on c.partner_id = q.partner_id and c.network = q.network"
          + " and q.\"date\" >= c.effective_from and (c.effective_to is null or q.\"date\" <= c.effective_to)"
          + " where q.outcome = 'won' and q.\"date\" between date '2026-01-01' and date '2026-01-31'"
          + " group by q.partner_id limit 1000")) {
        actual.put(((Number) row.get(0)).intValue(), Sql.decimal(row.get(1)));
      }
    }
    Map<Integer, BigDecimal> expectedStripped = new TreeMap<>();
    expected.forEach((k, v) -> expectedStripped.put(k, v.stripTrailingZeros()));
    assertEquals(expectedStripped, actual);
  }

  @Test void topTwoPartnersPerNetworkWithACteAndRowNumber(LakegateFixture gateway) throws SQLException {
    Map<String, Map<Integer, BigDecimal>> premium = new TreeMap<>();
    gateway.lake().quoteOutcomes()
        .filter(q -> q.finalPremium() != null && !q.date().isBefore(JAN_1) && !q.date().isAfter(JAN_31))
        .forEach(q -> premium.computeIfAbsent(q.network(), k -> new HashMap<>())
            .merge(q.partnerId(), q.finalPremium(), BigDecimal::add));
    List<String> expected = new ArrayList<>();
    premium.forEach((network, byPartner) -> byPartner.entrySet().stream()
        .sorted(Map.Entry.<Integer, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(2)
        .forEach(e -> expected.add(network + ":" + e.getKey() + ":" + e.getValue().stripTrailingZeros())));

    List<String> actual = new ArrayList<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "with won as ("
          + "   select network, partner_id, sum(final_premium) as premium from quote_outcomes"
          + "   where final_premium is not null and \"date\" between date '2026-01-01' and date '2026-01-31'"
          + "   group by network, partner_id),"
          + " ranked as (select network, partner_id, premium,"
          + "   row_number() over (partition by network order by premium desc, partner_id) as rn from won)"
          + " select network, partner_id, premium from ranked where rn <= 2 order by network, rn")) {
        actual.add(row.get(0) + ":" + ((Number) row.get(1)).intValue() + ":" + Sql.decimal(row.get(2)));
      }
    }
    assertEquals(expected, actual);
  }

  @Test void runningTotalAndLagPerDay(LakegateFixture gateway) throws SQLException {
    Map<LocalDate, Long> perDay = gateway.lake().partnerMetrics()
        .filter(r -> r.partnerId() == 1 && !r.date().isBefore(JAN_1) && !r.date().isAfter(JAN_31))
        .collect(Collectors.groupingBy(r -> r.date(), TreeMap::new, Collectors.summingLong(r -> r.quotesRequested())));
    List<String> expected = new ArrayList<>();
    long running = 0;
    Long previous = null;
    for (Map.Entry<LocalDate, Long> e : perDay.entrySet()) {
      running += e.getValue();
      expected.add(e.getKey() + ":" + e.getValue() + ":" + running + ":" + previous);
      previous = e.getValue();
    }
    List<String> actual = new ArrayList<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "select \"date\", requested,"
          + " sum(requested) over (order by \"date\" rows between unbounded preceding and current row) as running_total,"
          + " lag(requested) over (order by \"date\") as previous"
          + " from (select \"date\", sum(quotes_requested) as requested from partner_metrics"
          + "       where partner_id = 1 and \"date\" between date '2026-01-01' and date '2026-01-31' group by \"date\")"
          + " order by \"date\"")) {
        actual.add(((java.sql.Date) row.get(0)).toLocalDate() + ":" + ((Number) row.get(1)).longValue() + ":"
            + ((Number) row.get(2)).longValue() + ":" + (row.get(3) == null ? null : ((Number) row.get(3)).longValue()));
      }
    }
    assertEquals(expected, actual);
  }

  @Test void partnersAboveAverageWithASubquery(LakegateFixture gateway) throws SQLException {
    Map<Integer, Long> won = gateway.lake().quoteOutcomes().filter(q -> q.outcome().equals("won"))
        .collect(Collectors.groupingBy(QuoteOutcomeRow::partnerId, Collectors.counting()));
    double average = won.values().stream().mapToLong(Long::longValue).average().orElseThrow();
    List<Integer> expected = won.entrySet().stream().filter(e -> e.getValue() > average)
        .map(Map.Entry::getKey).sorted().toList();
    try (Connection c = gateway.connect()) {
      List<Integer> actual = Sql.rows(c, "select partner_id from quote_outcomes where outcome = 'won'"
          + " group by partner_id having count(*) > ("
          + "   select avg(cast(n as double)) from (select count(*) as n from quote_outcomes where outcome = 'won'"
          + "   group by partner_id)) order by partner_id")
          .stream().map(r -> ((Number) r.get(0)).intValue()).toList();
      assertEquals(expected, actual);
    }
  }

  @Test void partnersWithQuotesButNoCurrentTermsWithNotExists(LakegateFixture gateway) throws SQLException {
    java.util.Set<String> current = gateway.lake().commissionHistory().filter(t -> t.effectiveTo() == null)
        .map(t -> t.partnerId() + "/" + t.network()).collect(Collectors.toSet());
    long expected = gateway.lake().quoteOutcomes(JAN_31)
        .filter(q -> !current.contains(q.partnerId() + "/" + q.network())).count();
    try (Connection c = gateway.connect()) {
      assertEquals(expected, Sql.single(c, "select count(*) from quote_outcomes q where q.\"date\" = date '2026-01-31'"
          + " and not exists (select 1 from commission_history c where c.partner_id = q.partner_id"
          + " and c.network = q.network and c.effective_to is null)"));
    }
  }

  @Test void caseBucketsOfRiskWithNulls(LakegateFixture gateway) throws SQLException {
    Map<String, Long> expected = new TreeMap<>(gateway.lake().quoteOutcomes(JAN_1).collect(Collectors.groupingBy(
        q -> q.riskScore() == null ? "unscored" : q.riskScore() < 0.3 ? "low" : q.riskScore() < 0.7 ? "mid" : "high",
        Collectors.counting())));
    Map<String, Long> actual = new TreeMap<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "select bucket, count(*) from (select case when risk_score is null"
          + " then 'unscored' when risk_score < 0.3 then 'low' when risk_score < 0.7 then 'mid' else 'high' end as bucket"
          + " from quote_outcomes where \"date\" = date '2026-01-01') group by bucket")) {
        actual.put(Objects.toString(row.get(0)).trim(), ((Number) row.get(1)).longValue());
      }
    }
    assertEquals(expected, actual);
  }

}
