package io.lakegate.e2e;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.junit.jupiter.api.Assertions.assertEquals;


import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Date and timestamp filters and buckets that cross month and year boundaries (and so partitions). */
@ExtendWith(SharedGateway.class)
class DatesIT {

  @Test void daysAcrossAMonthBoundary(LakegateFixture gateway) throws SQLException {
    LocalDate from = LocalDate.of(2025, 5, 30);
    LocalDate to = LocalDate.of(2025, 6, 2);
    Map<LocalDate, Long> expected = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      expected.put(d, gateway.lake().quoteOutcomes(d).count());
    }
    Map<LocalDate, Long> actual = new LinkedHashMap<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "select \"date\", count(*) from quote_outcomes"
          + " where \"date\" between date '2025-05-30' and date '2025-06-02' group by \"date\" order by \"date\"")) {
        actual.put(((java.sql.Date) row.get(0)).toLocalDate(), ((Number) row.get(1)).longValue());
      }
    }
    assertEquals(expected, actual);
  }

  @Test void monthsAcrossTheYearEnd(LakegateFixture gateway) throws SQLException {
    Map<YearMonth, Long> expected = gateway.lake().quoteOutcomes()
        .filter(q -> !q.date().isBefore(LocalDate.of(2025, 11, 15)) && q.date().isBefore(LocalDate.of(2026, 2, 15)))
        .collect(groupingBy(q -> YearMonth.from(q.date()), TreeMap::new, counting()));
    Map<YearMonth, Long> actual = new TreeMap<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "select extract(year from \"date\") as y, extract(month from \"date\") as m,"
          + " count(*) from quote_outcomes where \"date\" >= date '2025-11-15' and \"date\" < date '2026-02-15'"
          + " group by extract(year from \"date\"), extract(month from \"date\")")) {
        actual.put(YearMonth.of(((Number) row.get(0)).intValue(), ((Number) row.get(1)).intValue()),
            ((Number) row.get(2)).longValue());
      }
    }
    assertEquals(expected, actual);
  }

  @Test void monthBucketsWithFloor(LakegateFixture gateway) throws SQLException {
    Map<LocalDate, Long> expected = gateway.lake().partnerMetrics()
        .filter(r -> r.date().getYear() == 2026)
        .collect(groupingBy(r -> r.date().withDayOfMonth(1), TreeMap::new, counting()));
    Map<LocalDate, Long> actual = new TreeMap<>();
    try (Connection c = gateway.connect()) {
      for (List<Object> row : Sql.rows(c, "select floor(\"date\" to month) as month_start, count(*)"
          + " from partner_metrics where \"date\" >= date '2026-01-01' group by floor(\"date\" to month)")) {
        actual.put(((java.sql.Date) row.get(0)).toLocalDate(), ((Number) row.get(1)).longValue());
      }
    }
    assertEquals(expected, actual);
  }

  @Test void timestampRangeAcrossMidnightOfNewYear(LakegateFixture gateway) throws SQLException {
    Instant from = Instant.parse("2025-12-31T22:00:00Z");
    Instant to = Instant.parse("2026-01-01T02:00:00Z");
    long expected = gateway.lake().quoteOutcomes()
        .filter(q -> !q.quotedAt().isBefore(from) && q.quotedAt().isBefore(to)).count();
    try (Connection c = gateway.connect()) {
      assertEquals(expected, Sql.single(c, "select count(*) from quote_outcomes"
          + " where quoted_at >= timestamp '2025-12-31 22:00:00' and quoted_at < timestamp '2026-01-01 02:00:00'"));
    }
  }

  @Test void decisionDelaysWithTimestampArithmetic(LakegateFixture gateway) throws SQLException {
    long expected = gateway.lake().quoteOutcomes(LocalDate.of(2026, 3, 1))
        .filter(q -> q.decidedAt() != null
            && java.time.Duration.between(q.quotedAt(), q.decidedAt()).toHours() >= 24).count();
    try (Connection c = gateway.connect()) {
      assertEquals(expected, Sql.single(c, "select count(*) from quote_outcomes where \"date\" = date '2026-03-01'"
          + " and timestampdiff(hour, quoted_at, decided_at) >= 24"));
    }
  }

  @Test void wonQuotesPerMonthFromADateAddition(LakegateFixture gateway) throws SQLException {
    LocalDate start = LocalDate.of(2026, 10, 31).minusMonths(6);
    long expected = gateway.lake().quoteOutcomes()
        .filter(q -> q.date().isAfter(start) && q.outcome().equals("won")).count();
    try (Connection c = gateway.connect()) {
      assertEquals(expected, Sql.single(c, "select count(*) from quote_outcomes"
          + " where \"date\" > date '2026-10-31' - interval '6' month and outcome = 'won'"));
    }
  }

}
