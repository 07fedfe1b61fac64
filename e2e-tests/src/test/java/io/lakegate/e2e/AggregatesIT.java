package io.lakegate.e2e;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lakegate.generator.QuoteOutcomeRow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GROUP BY, HAVING, COUNT(DISTINCT) and percentiles, against answers computed from the generator's rows. */
@ExtendWith(SharedGateway.class)
class AggregatesIT {
  private static final double TOLERANCE = 1e-9;

  @Test void outcomeMixPerNetwork(LakegateFixture gateway) throws SQLException {
    Map<String, Map<String, Long>> expected = gateway.lake().quoteOutcomes().collect(
        groupingBy(QuoteOutcomeRow::network, TreeMap::new, groupingBy(QuoteOutcomeRow::outcome, TreeMap::new, counting())));
    Map<String, Map<String, Long>> actual = new TreeMap<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c,
          "select network, outcome, count(*) from quote_outcomes group by network, outcome order by network, outcome")) {
        actual.computeIfAbsent((String) row.get(0), k -> new TreeMap<>())
            .put((String) row.get(1), ((Number) row.get(2)).longValue());
      }
    }
    assertEquals(expected, actual);
  }

  @Test void giveawayAndDistinctCustomersPerProduct(LakegateFixture gateway) throws SQLException {
    Map<String, BigDecimal> giveaway = new TreeMap<>();
    Map<String, Long> customers = new TreeMap<>();
    gateway.lake().quoteOutcomes().collect(groupingBy(QuoteOutcomeRow::product, toList())).forEach((product, rows) -> {
      giveaway.put(product, rows.stream().map(QuoteOutcomeRow::giveaway).filter(Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros());
      customers.put(product, (long) rows.stream().map(QuoteOutcomeRow::customerId).filter(Objects::nonNull)
          .collect(toSet()).size());
    });
    try (Connection c = gateway.connect()) {
      List<List<Object>> rows = Sql.rows(c, "select product, sum(giveaway), count(distinct customer_id)"
          + " from quote_outcomes group by product order by product");
      assertEquals(List.copyOf(giveaway.keySet()), rows.stream().map(r -> r.get(0)).toList());
      for (List<Object> row : rows) {
        assertEquals(giveaway.get(row.get(0)), Sql.decimal(row.get(1)), "sum(giveaway) of " + row.get(0));
        assertEquals(customers.get(row.get(0)), ((Number) row.get(2)).longValue(), "distinct customers of " + row.get(0));
      }
    }
  }

  @Test void havingKeepsOnlyBusyPartners(LakegateFixture gateway) throws SQLException {
    Map<Integer, Long> perPartner = gateway.lake().quoteOutcomes()
        .collect(groupingBy(QuoteOutcomeRow::partnerId, counting()));
    List<Integer> expected = perPartner.entrySet().stream().filter(e -> e.getValue() > 1000)
        .map(Map.Entry::getKey).sorted().toList();
    try (Connection c = gateway.connect()) {
      List<Integer> actual = Sql.rows(c, "select partner_id from quote_outcomes group by partner_id"
          + " having count(*) > 1000 order by partner_id").stream().map(r -> ((Number) r.get(0)).intValue()).toList();
      assertEquals(expected, actual);
    }
  }

  @Test void ninetiethPercentileGiveawayPerNetwork(LakegateFixture gateway) throws SQLException {
    Map<String, List<Double>> giveaways = gateway.lake().quoteOutcomes().filter(q -> q.giveaway() != null)
        .collect(groupingBy(QuoteOutcomeRow::network, TreeMap::new,
            mapping(q -> q.giveaway().doubleValue(), Collectors.collectingAndThen(toList(), l -> {
              List<Double> sorted = new ArrayList<>(l);
              sorted.sort(null);
              return sorted;
            }))));
    try (Connection c = gateway.connect()) {
      List<List<Object>> rows = Sql.rows(c, "select network,"
          + " percentile_cont(0.9) within group (order by giveaway) as p90,"
          + " percentile_disc(0.5) within group (order by giveaway) as median,"
          + " count(giveaway) as won"
          + " from quote_outcomes where outcome = 'won' group by network order by network");
      assertEquals(List.copyOf(giveaways.keySet()), rows.stream().map(r -> r.get(0)).toList());
      for (List<Object> row : rows) {
        List<Double> sorted = giveaways.get(row.get(0));
        assertEquals(Percentiles.cont(sorted, 0.9), ((Number) row.get(1)).doubleValue(), 0.01,
            "p90 of " + row.get(0));
        assertEquals(Percentiles.disc(sorted, 0.5), ((Number) row.get(2)).doubleValue(), TOLERANCE,
            "median of " + row.get(0));
        assertEquals(sorted.size(), ((Number) row.get(3)).longValue());
      }
    }
  }

  @Test void averageAndDeviationOfResponseTimes(LakegateFixture gateway) throws SQLException {
    double[] values = gateway.lake().quoteOutcomes().mapToDouble(QuoteOutcomeRow::responseMs).toArray();
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double variance = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
    try (Connection c = gateway.connect()) {
      List<Object> row = Sql.rows(c, "select avg(cast(response_ms as double)), stddev_pop(cast(response_ms as double)),"
          + " min(response_ms), max(response_ms) from quote_outcomes").get(0);
      assertEquals(mean, ((Number) row.get(0)).doubleValue(), 1e-6);
      assertEquals(Math.sqrt(variance), ((Number) row.get(1)).doubleValue(), 1e-3);
      assertEquals((int) java.util.Arrays.stream(values).min().orElseThrow(), ((Number) row.get(2)).intValue());
      assertEquals((int) java.util.Arrays.stream(values).max().orElseThrow(), ((Number) row.get(3)).intValue());
    }
  }
}
