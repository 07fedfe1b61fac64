package io.lakegate.functions;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static io.lakegate.functions.Queries.column;
import static io.lakegate.functions.Queries.error;
import static io.lakegate.functions.Queries.rows;
import static io.lakegate.functions.Queries.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst SQL surface of the lake path (Calcite 1.42 Enumerable plus
 * lakegate's rules), one test per feature, each asserting the right answer
 * for {@link AnalystFixture}'s ten quotes; features that do not work assert
 * the error a user gets. docs/sql-functions.md is written from this class.
 */
class SqlSurfaceTest {
  private static final String NOT_ENOUGH_RULES = "There are not enough rules";
  private static final String NO_MATCH = "No match found for function signature";

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  // --- relational basics -------------------------------------------------

  @Test void filters() {
    assertEquals(5L, value("select count(*) from quotes where won and premium > 100"));
    assertEquals(3L, value("select count(*) from quotes where partner like 'a%' and network not like '%er'"));
    assertEquals(2L, value("select count(*) from quotes where customer is null"));
    assertEquals(List.of(3, 4, 5), column("select id from quotes"
        + " where quote_date between date '2024-02-01' and date '2024-03-31' order by id"));
    assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), column("select id from quotes"
        + " where quoted_at >= timestamp '2024-02-14 23:59:59.999' order by id"));
  }

  @Test void groupByHaving() {
    assertEquals(List.of(row("acme", dec("650.50")), row("bolt", dec("495.25"))),
        rows("select partner, sum(premium) s from quotes group by partner"
            + " having count(*) > 2 order by s desc"));
  }

  @Test void orderByNullsLast() {
    assertEquals(List.of(7, 4, 2), column("select id from quotes order by ms desc nulls last"
        + " fetch first 3 rows only"));
  }

  @Test void limitOffsetAndFetch() {
    assertEquals(List.of(4, 5), column("select id from quotes order by id limit 2 offset 3"));
    assertEquals(List.of(4, 5),
        column("select id from quotes order by id offset 3 rows fetch next 2 rows only"));
  }

  @Test void joins() {
    assertEquals(List.of(row(4, "EU")), rows("select q.id, p.region from quotes q"
        + " join partners p on q.partner = p.partner where q.id = 4"));
    assertEquals(1L, value("select count(*) from quotes q left join partners p"
        + " on q.partner = p.partner where p.region is null"));
    assertEquals(11L, value("select count(*) from partners p full join quotes q"
        + " on q.partner = p.partner"));
    assertEquals(10L, value("select count(*) from quotes q right join partners p"
        + " on q.partner = p.partner"));
  }

  @Test void commonTableExpressions() {
    assertEquals(7L, value("with w as (select * from quotes where won) select count(*) from w"));
  }

  @Test void subqueries() {
    assertEquals(6L, value("select count(*) from quotes where partner in"
        + " (select partner from partners where tier = 'gold')"));
    assertEquals(3L, value("select count(*) from partners p where exists"
        + " (select 1 from quotes q where q.partner = p.partner)"));
    assertEquals(1L, value("select count(*) from quotes q where not exists"
        + " (select 1 from partners p where p.partner = q.partner)"));
    assertEquals(7, value("select id from quotes where premium = (select max(premium) from quotes)"));
    assertEquals(List.of(row("acme", 4L), row("bolt", 3L), row("cora", 2L), row("eon", 0L)),
        rows("select p.partner, (select count(*) from quotes q where q.partner = p.partner)"
            + " from partners p order by 1"));
  }

  @Test void setOperations() {
    assertEquals(List.of(1, 2, 3), column("select id from quotes union select id from quotes"
        + " where id < 3 order by 1 limit 3"));
    assertEquals(List.of(1, 2), column("select id from quotes intersect"
        + " select id from quotes where id < 3 order by 1"));
    assertEquals(List.of(1, 2), column("select id from quotes except"
        + " select id from quotes where id > 2 order by 1"));
  }

  @Test void caseCoalesceNullif() {
    assertEquals(List.of(row("slow", dec("60.00"), null), row("fast", dec("0.00"), "broker")),
        rows("select case when ms > 200 then 'slow' else 'fast' end,"
            + " coalesce(giveaway, 0), nullif(network, 'api') from quotes where id in (4, 6) order by id"));
  }

  @Test void reservedWordColumnsNeedDoubleQuotes() {
    // The lake's partitions are named "date": a reserved word, so it must be quoted.
    assertTrue(error("select date from (select quote_date as \"date\" from quotes) t")
        .contains("Encountered \"date from\""));
    assertEquals(LocalDate.parse("2024-12-31"), value("select \"date\" from"
        + " (select quote_date as \"date\" from quotes) t where \"date\" > date '2024-12-01'"));
  }

  @Test void groupByOrdinalIsRejected() {
    assertTrue(error("select partner, sum(ms) from quotes group by 1")
        .contains("Expression 'partner' is not being grouped"));
  }

  // --- window functions --------------------------------------------------

  @Test void rowNumberRankDenseRank() {
    assertEquals(List.of(1L, 2L, 3L, 1L, 2L, 3L, 1L, 2L, 4L, 1L), column(
        "select row_number() over (partition by partner order by id) from quotes order by id"));
    assertEquals(List.of(row(3L, 2L), row(8L, 2L), row(2L, 1L), row(9L, 2L), row(6L, 2L),
            row(5L, 1L), row(10L, 2L), row(4L, 2L), row(7L, 2L), row(1L, 1L)),
        rows("select rank() over (order by ms), dense_rank() over (order by won)"
            + " from quotes order by id"));
  }

  @Test void ntile() {
    assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 2L, 2L, 3L, 3L, 3L),
        column("select ntile(3) over (order by id) from quotes order by id"));
  }

  @Test void lagLead() {
    assertEquals(List.of(row(null, 95), row(120, 510), row(340, 210)),
        rows("select lag(ms) over (order by id), lead(ms, 2, 0) over (order by id)"
            + " from quotes order by id limit 3"));
    assertEquals(List.of(row(260, 0)), rows("select lag(ms) over (order by id),"
        + " lead(ms, 2, 0) over (order by id) from quotes order by id desc limit 1"));
  }

  @Test void firstLastValue() {
    assertEquals(List.of(row(120, 260), row(510, 180), row(700, 150), row(90, 90)),
        rows("select f, l from (select id, first_value(ms) over w f, last_value(ms) over w l"
            + " from quotes window w as (partition by partner order by id"
            + " rows between unbounded preceding and unbounded following))"
            + " where id in (1, 4, 7, 10) order by id"));
    // Default frame: the last value is the current row's (no peers on id).
    assertEquals(List.of(120, 340, 95), column(
        "select last_value(ms) over (order by id) from quotes order by id limit 3"));
  }

  @Test void nthValueOverTheWholePartition() {
    assertEquals(List.of(340, 340), column("select nth_value(ms, 2) over (order by id"
        + " rows between unbounded preceding and unbounded following) from quotes order by id limit 2"));
  }

  @Test void nthValueOverAShorterFrameIsRefused() {
    // Calcite 1.42 would return row 2's value on row 1 (see Calcite142GapsTest).
    assertTrue(error("select nth_value(ms, 2) over (order by id) from quotes")
        .contains(NOT_ENOUGH_RULES));
  }

  @Test void aggregatesOverFrames() {
    assertEquals(List.of(120, 460, 435, 605, 720, 390, 880, 850, 410, 350), column(
        "select sum(ms) over (order by id rows between 1 preceding and current row)"
            + " from quotes order by id"));
    assertEquals(List.of(203.75, 300.0, 425.0, 90.0), column("select a from (select id,"
        + " avg(cast(ms as double)) over (partition by partner) a from quotes)"
        + " where id in (1, 4, 7, 10) order by id"));
    assertEquals(List.of(305, 600, 185), column("select sum(ms) over (order by ms"
        + " range between 100 preceding and current row) from quotes order by id limit 3"));
  }

  @Test void rollingWindowOverTimestamps() {
    // 30 days back from each quote: id 4 (Feb 14) sees Jan 20, Feb 3 and itself.
    assertEquals(List.of(120, 460, 555, 945, 815, 180, 700, 850, 410, 90), column(
        "select sum(ms) over (order by quoted_at range between interval '30' day preceding"
            + " and current row) from quotes order by id"));
  }

  @Test void rollingWindowOverDates() {
    // lakegate: Calcite 1.42 alone returns a running total here (see Calcite142GapsTest).
    assertEquals(List.of(120, 460, 555, 945, 815, 180, 700, 850, 410, 90), column(
        "select sum(ms) over (order by quote_date range between interval '30' day preceding"
            + " and current row) from quotes order by id"));
  }

  @Test void rangeFramesWithMonthsOrDescendingKeysAreRefused() {
    assertTrue(error("select count(*) over (order by quoted_at range between"
        + " interval '1' month preceding and current row) from quotes").contains(NOT_ENOUGH_RULES));
    assertTrue(error("select count(*) over (order by ms desc range between"
        + " 100 preceding and current row) from quotes").contains(NOT_ENOUGH_RULES));
  }

  @Test void percentRankAndCumeDist() {
    // lakegate: missing in Calcite 1.42's window engine. See WindowFunctionTest.
    assertEquals(List.of(row(2.0 / 9, 0.3), row(0.0, 0.1)), rows("select pr, cd from (select id,"
        + " percent_rank() over (order by ms) pr, cume_dist() over (order by ms) cd"
        + " from quotes) where id in (1, 10) order by id"));
  }

  @Test void countDistinctOver() {
    // lakegate: Calcite 1.42 ignores DISTINCT here. See WindowFunctionTest.
    assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 2L, 2L, 1L, 2L, 2L), column(
        "select count(distinct partner) over (partition by network) from quotes order by id"));
  }

  @Test void otherDistinctAggregatesOverAreRefused() {
    assertTrue(error("select sum(distinct qty) over () from quotes").contains(NOT_ENOUGH_RULES));
    assertEquals(1L, value("select min(distinct qty) over () from quotes where id = 2"));
  }

  // --- scalar functions --------------------------------------------------

  @Test void extract() {
    assertEquals(List.of(row(2024L, 2L, 1L, 4L, 23L, 7L, 45L)), rows("select"
        + " extract(year from quote_date), extract(month from quote_date),"
        + " extract(quarter from quote_date), extract(dow from quote_date),"
        + " extract(hour from quoted_at), extract(week from quote_date),"
        + " extract(doy from quote_date) from quotes where id = 4"));
    assertEquals(List.of(row(4L, 2024L, 2L, 1L, 7L)), rows("select dayofweek(quote_date),"
        + " year(quote_date), month(quote_date), quarter(quote_date), week(quote_date)"
        + " from quotes where id = 4"));
  }

  @Test void floorAndCeilToUnits() {
    // 2024-02-14 is a Wednesday; FLOOR(... TO WEEK) goes back to Sunday.
    assertEquals(List.of(row(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-11"),
            LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-03-01"))),
        rows("select floor(quote_date to month), floor(quote_date to week),"
            + " floor(quote_date to quarter), floor(quote_date to year), ceil(quote_date to month)"
            + " from quotes where id = 4"));
    assertEquals(List.of(row(LocalDateTime.parse("2024-02-14T23:00"),
            LocalDateTime.parse("2024-02-14T00:00"))),
        rows("select floor(quoted_at to hour), floor(quoted_at to day) from quotes where id = 4"));
  }

  @Test void intervalArithmetic() {
    assertEquals(List.of(row(LocalDate.parse("2024-03-14"), LocalDate.parse("2024-02-07"),
            LocalDateTime.parse("2024-02-15T01:59:59.999"), LocalDate.parse("2024-02-29"))),
        rows("select quote_date + interval '1' month, quote_date - interval '7' day,"
            + " quoted_at + interval '2' hour, date '2024-01-31' + interval '1' month"
            + " from quotes where id = 4"));
  }

  @Test void timestampAddAndDiff() {
    assertEquals(List.of(row(LocalDate.parse("2024-02-17"), 16, 10,
            LocalDateTime.parse("2024-03-14T23:59:59.999"))),
        rows("select timestampadd(day, 3, quote_date),"
            + " timestampdiff(day, quote_date, date '2024-03-01'),"
            + " timestampdiff(month, quote_date, date '2024-12-31'),"
            + " timestampadd(month, 1, quoted_at) from quotes where id = 4"));
  }

  @Test void currentTimestamp() {
    LocalDateTime now = (LocalDateTime) value("select current_timestamp from quotes where id = 1");
    LocalDateTime utcNow = LocalDateTime.now(ZoneOffset.UTC);
    assertTrue(!now.isBefore(utcNow.minusMinutes(5)) && !now.isAfter(utcNow.plusMinutes(1)),
        now::toString);
  }

  @Test void currentDate() {
    LocalDate today = (LocalDate) value("select current_date from quotes where id = 1");
    LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
    assertTrue(today.equals(utcToday) || today.equals(utcToday.minusDays(1)), today::toString);
  }

  @Test void castToDate() {
    assertEquals(List.of(row(LocalDate.parse("2024-02-14"), LocalDate.parse("2024-02-14"),
            LocalDateTime.parse("2024-02-14T00:00"), LocalDate.parse("2024-02-29"))),
        rows("select cast('2024-02-14' as date), cast(quoted_at as date),"
            + " cast(quote_date as timestamp), last_day(quote_date) from quotes where id = 4"));
  }

  @Test void strings() {
    assertEquals(List.of(row("acme", "DIRECT", "cm", "x", "acme-direct", 2, 4, "cme", "ocme",
            "Acme", "Xcme")),
        rows("select lower(partner), upper(network), substring(partner from 2 for 2),"
            + " trim('  x  '), partner || '-' || network, position('c' in partner),"
            + " char_length(partner), substring(partner, 2), replace(partner, 'a', 'o'),"
            + " initcap(partner), overlay(partner placing 'X' from 1 for 1)"
            + " from quotes where id = 1"));
  }

  @Test void math() {
    List<Object> row = rows("select round(premium * 1.2345, 2), abs(-ms), power(ms, 2), sqrt(ms),"
        + " ln(ms), mod(ms, 7), ceil(rate * 10), floor(rate * 10), sign(-3), truncate(2.567, 1)"
        + " from quotes where id = 4").get(0);
    assertEquals(row(dec("370.35"), 510, 260100.0, Math.sqrt(510), Math.log(510), 6, 2.0, 2.0,
        -1, dec("2.5")), row);
  }

  @Test void logarithmsAndExponentials() {
    assertEquals(List.of(row(Math.E, 2.0)), rows("select exp(1), log10(100) from quotes where id = 1"));
  }

  @Test void integerDivisionTruncates() {
    // Unlike ClickHouse, where / is always float division.
    assertEquals(List.of(row(3, dec("3.5"), 1)),
        rows("select 7 / 2, 7.0 / 2, mod(7, 2) from quotes where id = 1"));
  }

  @Test void castTruncates() {
    assertEquals(List.of(row(2, -2, dec("2.35"), dec("-2.35"))), rows("select cast(2.9e0 as"
        + " integer), cast(-2.9e0 as integer), cast(2.355 as decimal(12,2)),"
        + " cast(-2.355 as decimal(12,2)) from quotes where id = 1"));
  }

  // --- aggregates --------------------------------------------------------

  @Test void countDistinct() {
    assertEquals(List.of(row(4L, 6L, 2655, 4L)), rows("select count(distinct partner),"
        + " count(distinct customer), sum(ms), count(distinct network) from quotes"));
    assertEquals(List.of(row("acme", 2L), row("bolt", 2L), row("cora", 2L), row("dyno", 1L)),
        rows("select partner, count(distinct network) from quotes group by partner order by 1"));
  }

  @Test void averageAndDispersion() {
    double[] ms = AnalystFixture.QUOTES.stream().mapToDouble(q -> (Integer) q[8]).toArray();
    double mean = Arrays.stream(ms).average().orElseThrow();
    double squares = Arrays.stream(ms).map(x -> (x - mean) * (x - mean)).sum();
    List<Object> exact = rows("select avg(x), stddev_pop(x), stddev_samp(x), var_pop(x),"
        + " var_samp(x) from (select cast(ms as double) x from quotes)").get(0);
    double[] expected = {mean, Math.sqrt(squares / ms.length), Math.sqrt(squares / (ms.length - 1)),
        squares / ms.length, squares / (ms.length - 1)};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], (Double) exact.get(i), 1e-9, "column " + i);
    }
    // On an INTEGER column every one of them is an INTEGER, truncated.
    assertEquals(row(265, 189, 199, 35892, 39880), rows("select avg(ms), stddev_pop(ms),"
        + " stddev_samp(ms), var_pop(ms), var_samp(ms) from quotes").get(0));
    // And AVG of a DECIMAL keeps the column's scale: 1795.75 / 10 = 179.575.
    assertEquals(dec("179.57"), value("select avg(premium) from quotes"));
  }

  @Test void minMaxOnStringsDatesTimestamps() {
    assertEquals(List.of(row("acme", "dyno", LocalDate.parse("2024-01-05"),
            LocalDateTime.parse("2024-12-31T23:00"))),
        rows("select min(partner), max(partner), min(quote_date), max(quoted_at) from quotes"));
  }

  @Test void covarianceAndAnyValue() {
    double[] ms = AnalystFixture.QUOTES.stream().mapToDouble(q -> (Integer) q[8]).toArray();
    double[] qty = AnalystFixture.QUOTES.stream().mapToDouble(q -> (Long) q[9]).toArray();
    double msMean = Arrays.stream(ms).average().orElseThrow();
    double qtyMean = Arrays.stream(qty).average().orElseThrow();
    double covariance = 0;
    for (int i = 0; i < ms.length; i++) {
      covariance += (ms[i] - msMean) * (qty[i] - qtyMean) / ms.length;
    }
    assertEquals(covariance, (Double) value("select covar_pop(cast(ms as double),"
        + " cast(qty as double)) from quotes"), 1e-9);
    assertEquals("acme", value("select any_value(partner) from quotes where id = 1"));
  }

  @Test void everyAndSome() {
    assertEquals(List.of(row(false, true)), rows("select every(won), some(won) from quotes"));
    assertEquals(true, value("select every(won) from quotes where partner = 'cora'"));
  }

  @Test void approxCountDistinctIsExact() {
    assertEquals(4L, value("select approx_count_distinct(partner) from quotes"));
  }

  @Test void mode() {
    assertEquals("acme", value("select mode(partner) from quotes"));
  }

  @Test void listagg() {
    assertEquals("acme,acme,bolt,bolt,cora,cora,acme", value("select listagg(partner, ',')"
        + " within group (order by id) from quotes where won"));
  }

  @Test void filterClause() {
    assertEquals(List.of(row(dec("1550.50"), 5L)), rows("select sum(premium) filter (where won),"
        + " count(*) filter (where ms > 200) from quotes"));
  }

  @Test void groupingSetsRollupCube() {
    assertEquals(List.of(row("acme", null, 4L), row("bolt", null, 3L), row("cora", null, 2L),
            row("dyno", null, 1L), row(null, "api", 3L), row(null, "broker", 2L),
            row(null, "direct", 4L), row(null, "embedded", 1L), row(null, null, 10L)),
        rows("select partner, network, count(*) from quotes"
            + " group by grouping sets ((partner), (network), ()) order by 1, 2"));
    assertEquals(List.of(row("acme", "broker", 1L), row("acme", "direct", 3L),
            row("acme", null, 4L)),
        rows("select partner, network, count(*) from quotes group by rollup (partner, network)"
            + " order by 1, 2 limit 3"));
    assertEquals(12, rows("select partner, network, count(*) from quotes"
        + " group by rollup (partner, network)").size());
    assertEquals(16, rows("select partner, network, count(*) from quotes"
        + " group by cube (partner, network)").size());
    assertEquals(List.of(row("dyno", 0L, 1L), row(null, 1L, 10L)), rows("select partner,"
        + " grouping(partner), count(*) from quotes group by rollup(partner) order by 1 offset 3"));
  }

  @Test void percentileContAndDisc() {
    // lakegate: Calcite 1.42 cannot plan these. See PercentileTest.
    assertEquals(List.of(row(529, 510)), rows("select percentile_cont(0.9) within group"
        + " (order by ms), percentile_disc(0.9) within group (order by ms) from quotes"));
  }

  // --- what does not work ------------------------------------------------

  @Test void functionsOutsideTheStandardLibrary() {
    // fun=standard: these live in Calcite's other libraries (postgresql, mysql, bigquery...).
    for (String sql : List.of(
        "select concat(partner, network) from quotes",
        "select greatest(ms, 100) from quotes",
        "select regexp_replace(partner, 'a', 'b') from quotes",
        "select date_trunc('month', quote_date) from quotes",
        "select bool_and(won) from quotes",
        "select string_agg(partner, ',') from quotes",
        "select median(ms) from quotes")) {
      assertTrue(error(sql).contains(NO_MATCH), sql);
    }
  }

  @Test void percentileWithFilterFailsInTheValidator() {
    // Calcite 1.42's validator cannot type FILTER on WITHIN GROUP; see PercentileTest for the
    // equivalent CASE form.
    assertTrue(error("select percentile_cont(0.5) within group (order by ms)"
        + " filter (where won) from quotes").contains("UnsupportedOperationException"));
  }

  @Test void percentileAsWindowFunction() {
    assertTrue(error("select percentile_cont(0.5) within group (order by ms)"
        + " over (partition by partner) from quotes")
        .contains("OVER must be applied to aggregate function"));
  }

  @Test void percentileOfStrings() {
    assertTrue(error("select percentile_disc(0.5) within group (order by partner) from quotes")
        .contains("Invalid type 'VARCHAR' in ORDER BY clause of 'PERCENTILE_DISC' function"));
  }
}
