package io.lakegate.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries through a real Calcite connection (lex=MYSQL_ANSI, UTC) over a real parquet lake:
 * values of every type, dates, partition pruning, row-group skipping, projection, early close,
 * plans, and relational operators above the scan. Expected answers come from the fixture's rows.
 */
class LakeQueryTest {
  @TempDir
  static Path dir;
  static TestLake lake;
  static LakeSchema schema;
  static Connection connection;

  @BeforeAll
  static void open() throws Exception {
    lake = TestLake.create(dir);
    schema = LakeSchema.open(lake.model());
    connection = TestLake.connect(schema);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  static List<List<Object>> rows(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  static long count(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  /** The counters moved by running {@code sql} alone. */
  static ScanMetrics.Snapshot measure(String sql) throws SQLException {
    ScanMetrics.Snapshot before = schema.metrics().snapshot();
    rows(sql);
    return schema.metrics().snapshot().minus(before);
  }

  static String explain(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
      return sb.toString();
    }
  }

  static long quotes(Predicate<TestLake.Quote> p) {
    return lake.quotes.stream().filter(p).count();
  }

  @Test
  void everyTypeWithNullsAndDecimals() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("select * from quote_outcomes where quote_id in (1000, 1002, 3004) order by quote_id")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(15, md.getColumnCount());
      assertEquals("date", md.getColumnName(1));
      assertEquals(Types.DATE, md.getColumnType(1));
      assertEquals(Types.DECIMAL, md.getColumnType(9));
      assertEquals(12, md.getPrecision(9));
      assertEquals(2, md.getScale(9));
      assertEquals(Types.TIMESTAMP, md.getColumnType(7));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(9));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(10));

      // quote 1000: won, every optional value present except risk_score and customer_id
      assertTrue(rs.next());
      assertEquals("2025-04-30", rs.getString("date"));
      assertEquals(1000L, rs.getLong("quote_id"));
      assertEquals(1, rs.getInt("partner_id"));
      assertEquals("direct", rs.getString("network"));
      assertEquals("auto", rs.getString("product"));
      assertEquals("won", rs.getString("outcome"));
      assertEquals("2025-04-30 08:00:00.000", rs.getString("quoted_at"));
      assertEquals("2025-04-30 09:00:00.000", rs.getString("decided_at"));
      assertEquals(new BigDecimal("100.00"), rs.getBigDecimal("list_premium"));
      assertEquals(new BigDecimal("90.00"), rs.getBigDecimal("final_premium"));
      assertEquals(new BigDecimal("10.00"), rs.getBigDecimal("giveaway"));
      assertNull(rs.getObject("risk_score"));
      assertNull(rs.getObject("customer_id"));
      assertTrue(rs.getBoolean("is_renewal"));
      assertEquals(100, rs.getInt("response_ms"));

      // quote 1002: expired, so no decision, no final premium, no giveaway
      assertTrue(rs.next());
      assertEquals("expired", rs.getString("outcome"));
      assertEquals("2025-04-30 08:02:00.002", rs.getString("quoted_at"));
      assertNull(rs.getObject("decided_at"));
      assertNull(rs.getObject("final_premium"));
      assertNull(rs.getObject("giveaway"));
      assertEquals(0.02, rs.getDouble("risk_score"), 0d);
      assertEquals("C1", rs.getString("customer_id"));
      assertEquals(new BigDecimal("105.00"), rs.getBigDecimal("list_premium"));

      // quote 3004: a FIXED_LEN_BYTE_ARRAY decimal in a ZSTD file, won
      assertTrue(rs.next());
      assertEquals("2025-05-02", rs.getString("date"));
      assertEquals(new BigDecimal("110.20"), rs.getBigDecimal("list_premium"));
      assertEquals(new BigDecimal("99.18"), rs.getBigDecimal("final_premium"));
      assertEquals(new BigDecimal("11.02"), rs.getBigDecimal("giveaway"));
      assertEquals(2, rs.getBigDecimal("giveaway").scale());
      assertFalse(rs.next());
    }
  }

  @Test
  void dateColumnsDecimalScaleAndNullsInCommissionHistory() throws SQLException {
    assertEquals(List.of(
            Arrays.asList(2, "direct", "2025-03-01", "2025-05-31", new BigDecimal("0.0250"), null, "silver",
                "2025-02-27 00:00:00.000", "alice"),
            Arrays.asList(2, "api", "2025-07-01", null, new BigDecimal("0.0375"), new BigDecimal("5.00"), "silver",
                "2025-06-29 00:00:00.000", null)),
        strings("select partner_id, network, effective_from, effective_to, commission_rate, flat_fee, tier, "
            + "changed_at, changed_by from commission_history where partner_id = 2 order by effective_from"));
    assertEquals(0L, count("select count(*) from commission_history where partner_id = 4"));
  }

  /** Rows with DATE and TIMESTAMP values as JDBC's getString shows them, other values as getObject. */
  static List<List<Object>> strings(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          int type = md.getColumnType(i);
          row.add(type == Types.DATE || type == Types.TIMESTAMP ? rs.getString(i) : rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  @Test
  void timestampsAndDatesAcrossTheMonthBoundary() throws SQLException {
    Map<String, Long> expected = new TreeMap<>();
    lake.quotes.forEach(q -> expected.merge(q.date().toString(), 1L, Long::sum));
    Map<String, Long> actual = new TreeMap<>();
    for (List<Object> row : rows("select cast(\"date\" as varchar), count(*) from quote_outcomes "
        + "where quoted_at < timestamp '2025-05-02 00:00:00' group by \"date\"")) {
      actual.put((String) row.get(0), ((Number) row.get(1)).longValue());
    }
    expected.remove("2025-05-02");
    assertEquals(expected, actual);
    // The last quote of April is on its last millisecond and must stay in April.
    assertEquals(List.of(List.of("2025-04-30", "2025-04-30 23:59:59.999")),
        strings("select \"date\", max(quoted_at) from quote_outcomes "
            + "where \"date\" = date '2025-04-30' group by \"date\""));
    assertEquals(List.of(List.of(5, 5)),
        rows("select extract(month from min(\"date\")), extract(month from min(quoted_at)) from quote_outcomes "
            + "where \"date\" > '2025-04-30'").stream()
            .map(r -> r.stream().map(v -> ((Number) v).intValue()).map(Object.class::cast).toList()).toList());
  }

  @Test
  void oneDayFilterOpensOnlyThatDaysFiles() throws SQLException {
    String sql = "select sum(list_premium) from quote_outcomes where \"date\" = date '2025-05-01'";
    BigDecimal expected = lake.quotes.stream().filter(q -> q.date().equals(LocalDate.parse("2025-05-01")))
        .map(TestLake.Quote::listPremium).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(expected, rows(sql).get(0).get(0));
    ScanMetrics.Snapshot m = measure(sql);
    assertEquals(1, m.scans());
    assertEquals(2, m.partitionsPruned());
    assertEquals(2, m.filesOpened(), "the two files of 2025-05-01");
    assertEquals(4, m.rowGroupsRead());
    assertEquals(0, m.rowGroupsSkipped());
    assertEquals(40, m.rowsProduced());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"date\" = '2025-05-02'                                         | 2 | 2025-05-02",
      "\"date\" in (date '2025-04-30', date '2025-05-02')               | 1 | 2025-04-30,2025-05-02",
      "\"date\" not in (date '2025-04-30', date '2025-05-02')           | 2 | 2025-05-01",
      "\"date\" between date '2025-04-30' and date '2025-05-01'         | 1 | 2025-04-30,2025-05-01",
      "\"date\" >= date '2025-05-01'                                    | 1 | 2025-05-01,2025-05-02",
      "\"date\" < date '2025-05-01'                                     | 2 | 2025-04-30",
      "\"date\" <> date '2025-05-01'                                    | 1 | 2025-04-30,2025-05-02",
      "not (\"date\" <= date '2025-05-01')                              | 2 | 2025-05-02",
      "\"date\" = date '2025-04-30' or \"date\" = date '2025-05-02'     | 1 | 2025-04-30,2025-05-02",
      "\"date\" is not null and \"date\" > cast('2025-05-01' as date)   | 2 | 2025-05-02",
      "\"date\" is not null                                             | 0 | 2025-04-30,2025-05-01,2025-05-02",
      "\"date\" = date '2025-05-01' or quote_id = 1000                  | 0 | 2025-04-30,2025-05-01",
      "\"date\" + interval '1' day = date '2025-05-01'                  | 0 | 2025-04-30",
      "\"date\" in ('2025-04-30', '2025-05-01') and network = 'api'     | 1 | 2025-04-30,2025-05-01",
  })
  void partitionPruningShapes(String where, int pruned, String days) throws SQLException {
    List<String> dayList = days.isEmpty() ? List.of() : List.of(days.split(","));
    Predicate<TestLake.Quote> match = q -> dayList.contains(q.date().toString())
        && (!where.contains("network") || q.network().equals("api"))
        && (!where.contains("quote_id = 1000") || q.date().toString().equals("2025-05-01") || q.quoteId() == 1000);
    String sql = "select quote_id, network from quote_outcomes where " + where;
    ScanMetrics.Snapshot m = measure(sql);
    assertEquals(pruned, m.partitionsPruned(), "partitions pruned by " + where);
    assertEquals(quotes(match), rows(sql).size(), where);
  }

  @Test
  void partitionOnlyFilterIsFullyPushedAndCountComesFromFooters() throws SQLException {
    String sql = "select count(*) from quote_outcomes where \"date\" = date '2025-05-01'";
    String plan = explain(sql);
    assertTrue(plan.contains("partitionFilter=[date = DATE '2025-05-01']"), plan);
    assertFalse(plan.contains("condition"), "no filter is left above the scan: " + plan);
    assertEquals(40L, count(sql));
    ScanMetrics.Snapshot m = measure(sql);
    assertEquals(0, m.filesOpened(), "counts come from footers");
    assertEquals(2, m.partitionsPruned());
    assertEquals(120L, count("select count(*) from quote_outcomes"));
  }

  @Test
  void rowGroupsOutsideTheRangeAreSkippedByStatistics() throws SQLException {
    String sql = "select quote_id from quote_outcomes where quote_id between 2005 and 2012 order by quote_id";
    List<List<Object>> expected = new ArrayList<>();
    for (long id = 2005; id <= 2012; id++) {
      expected.add(List.of(id));
    }
    assertEquals(expected, rows(sql));
    ScanMetrics.Snapshot m = measure(sql);
    // 2025-05-01/part-00000 holds 2000-2009 and 2010-2019 in two row groups; the other 10 groups are skipped.
    assertEquals(2, m.rowGroupsRead());
    assertEquals(10, m.rowGroupsSkipped());
    assertEquals(1, m.filesOpened());
    assertEquals(3, m.filesSkipped(), "files whose every row group is excluded are not opened");
    assertEquals(20, m.rowsProduced(), "whole row groups are returned; Calcite applies the exact range");
  }

  @Test
  void rowGroupFiltersOnTimestampsDecimalsStringsAndBooleansKeepExactResults() throws SQLException {
    assertEquals(quotes(q -> q.quotedAt().toEpochMilli() >= java.time.Instant.parse("2025-05-02T08:35:00Z").toEpochMilli()),
        count("select count(*) from quote_outcomes where quoted_at >= timestamp '2025-05-02 08:35:00'"));
    assertEquals(quotes(q -> q.listPremium().compareTo(new BigDecimal("190.00")) > 0),
        count("select count(*) from quote_outcomes where list_premium > 190"));
    assertEquals(quotes(q -> q.listPremium().compareTo(new BigDecimal("150.105")) > 0),
        count("select count(*) from quote_outcomes where list_premium > 150.105"));
    assertEquals(quotes(q -> q.giveaway() == null),
        count("select count(*) from quote_outcomes where giveaway is null"));
    assertEquals(quotes(q -> q.network().equals("api") || q.network().equals("broker")),
        count("select count(*) from quote_outcomes where network in ('api', 'broker')"));
    assertEquals(quotes(q -> q.customerId() != null && q.customerId().compareTo("C5") < 0),
        count("select count(*) from quote_outcomes where customer_id < 'C5'"));
    assertEquals(quotes(q -> !q.isRenewal() && q.riskScore() != null && q.riskScore() > 0.2),
        count("select count(*) from quote_outcomes where not is_renewal and risk_score > 0.2"));
    assertEquals(quotes(q -> q.responseMs() < 110 || q.quoteId() > 3035),
        count("select count(*) from quote_outcomes where response_ms < 110 or quote_id > 3035"));
    ScanMetrics.Snapshot m = measure("select count(*) from quote_outcomes where quoted_at >= timestamp '2025-05-02 08:35:00'");
    assertTrue(m.rowGroupsSkipped() >= 8, "days before 2025-05-02 are skipped by statistics: " + m);
  }

  @Test
  void onlyRequestedColumnsAreDecoded() throws SQLException {
    ScanMetrics.Snapshot m = measure("select network, count(*) from quote_outcomes group by network");
    assertEquals(12, m.columnChunksDecoded("quote_outcomes", "network"));
    assertEquals(Map.of("quote_outcomes.network", 12L), m.columnChunksDecoded(),
        "no other column chunk was decoded");
    assertEquals(12, m.rowGroupsRead());
  }

  @Test
  void limitStopsEarlyAndClosesTheReader() throws SQLException {
    ScanMetrics.Snapshot before = schema.metrics().snapshot();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("select quote_id, customer_id from quote_outcomes limit 3")) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertEquals(3, n);
    }
    ScanMetrics.Snapshot m = schema.metrics().snapshot().minus(before);
    assertEquals(1, m.filesOpened(), "rows stream: one file was enough");
    assertEquals(1, m.rowGroupsRead());
    assertEquals(0, m.openReaders(), "the reader is closed when the consumer stops");
  }

  /**
   * Regression: an operator that passes rows through (LIMIT, sort, union, hash join inputs) over a
   * scan of one column failed with a ClassCastException, because the scan declared {@code Object[]}
   * rows while those operators re-derive a one-column row as a bare value.
   */
  @Test
  void oneColumnScanUnderLimitIsTheReportedQuery() throws SQLException {
    // Scan order is partition (date) order, then file and row order: the fixture's list order.
    List<List<Object>> expected = lake.quotes.subList(0, 3).stream()
        .map(q -> List.<Object>of(q.partnerId())).toList();
    assertEquals(expected,
        rows("select b.partner_id from (select * from quote_outcomes fetch first 3 rows only) b"));
    assertEquals(expected, rows("select partner_id from quote_outcomes limit 3"));
    String plan = explain("select b.partner_id from (select * from quote_outcomes fetch first 3 rows only) b");
    assertTrue(plan.contains("EnumerableLimit(fetch=[3])\n  EnumerableLakeTableScan(table=[[analytics, quote_outcomes]], "
        + "fields=[[partner_id]])"), plan);
  }

  @Test
  void oneColumnScanUnderLimitUnderAJoin() throws SQLException {
    String sql = "select count(*) from (select partner_id from quote_outcomes limit 3) b "
        + "join partner_metrics a on a.partner_id = b.partner_id";
    long expected = lake.quotes.subList(0, 3).stream()
        .mapToLong(q -> lake.partnerMetrics.stream().filter(m -> m.partnerId() == q.partnerId()).count())
        .sum();
    assertEquals(expected, count(sql));
    String plan = explain(sql);
    assertTrue(plan.contains("EnumerableLimit(fetch=[3])"), plan);
    assertTrue(plan.contains("fields=[[partner_id]]"), plan);

    String semi = "select count(*) from quote_outcomes where partner_id in "
        + "(select partner_id from commission_history where partner_id < 3)";
    assertEquals(quotes(q -> q.partnerId() < 3), count(semi));
    String joinOfOneColumnScans = "select count(*) from (select network from quote_outcomes) q "
        + "join (select network from partner_metrics) m on m.network = q.network";
    assertEquals(lake.quotes.stream()
            .mapToLong(q -> lake.partnerMetrics.stream().filter(m -> m.network().equals(q.network())).count()).sum(),
        count(joinOfOneColumnScans));
  }

  @Test
  void oneColumnScansUnderUnionIntersectAndExcept() throws SQLException {
    List<String> networks = lake.quotes.stream().map(TestLake.Quote::network).distinct().sorted().toList();
    assertEquals(networks, rows("select network from quote_outcomes union select network from partner_metrics "
        + "order by 1").stream().map(r -> (String) r.get(0)).toList());
    assertEquals((long) lake.quotes.size() + lake.partnerMetrics.size(),
        count("select count(*) from (select network from quote_outcomes union all "
            + "select network from partner_metrics) u"));
    assertEquals(List.of(List.of(1), List.of(2), List.of(3)),
        rows("select partner_id from partner_metrics intersect select partner_id from commission_history "
            + "order by 1"));
    List<String> notInMetrics = networks.stream()
        .filter(n -> lake.partnerMetrics.stream().noneMatch(m -> m.network().equals(n))).toList();
    assertEquals(notInMetrics, rows("select network from quote_outcomes except select network from partner_metrics "
        + "order by 1").stream().map(r -> (String) r.get(0)).toList());
    // The union's inputs are limited scans of one column each.
    String limitedUnion = "select x from (select quote_id as x from quote_outcomes limit 2) "
        + "union all select x from (select quote_id as x from quote_outcomes where \"date\" = date '2025-05-02' limit 1)";
    assertEquals(List.of(List.of(1000L), List.of(1001L), List.of(3000L)), rows(limitedUnion));
    String plan = explain(limitedUnion);
    assertTrue(plan.contains("EnumerableUnion(all=[true])"), plan);
    assertEquals(2, plan.split("fields=\\[\\[quote_id]]", -1).length - 1, plan);
  }

  @Test
  void oneColumnScanUnderSortAndUnderAggregatesWithoutGroupKey() throws SQLException {
    List<Long> ids = lake.quotes.stream().map(TestLake.Quote::quoteId).sorted(Comparator.reverseOrder()).toList();
    assertEquals(List.of(List.of(ids.get(0)), List.of(ids.get(1))),
        rows("select quote_id from quote_outcomes order by quote_id desc limit 2"));
    assertEquals(List.of(List.of(lake.quotes.get(4).quoteId())),
        rows("select max(quote_id) from (select quote_id from quote_outcomes limit 5) t"));
    int topThree = lake.quotes.stream().map(TestLake.Quote::responseMs).sorted(Comparator.reverseOrder()).limit(3)
        .mapToInt(Integer::intValue).sum();
    assertEquals(topThree,
        count("select sum(r) from (select response_ms as r from quote_outcomes order by response_ms desc limit 3) t"));
    assertEquals(lake.quotes.stream().map(TestLake.Quote::network).distinct().count(),
        count("select count(distinct network) from quote_outcomes"));
    assertEquals(lake.quotes.stream().map(TestLake.Quote::network).distinct().count(),
        count("select count(*) from (select distinct network from (select network from quote_outcomes limit 50) l) d"));
    String plan = explain("select max(quote_id) from (select quote_id from quote_outcomes limit 5) t");
    assertTrue(plan.contains("EnumerableLimit(fetch=[5])\n    EnumerableLakeTableScan(table=[[analytics, quote_outcomes]], "
        + "fields=[[quote_id]])"), plan);
  }

  @Test
  void zeroColumnScansUnderLimitAndUnion() throws SQLException {
    assertEquals(7L, count("select count(*) from (select * from quote_outcomes limit 7) t"));
    assertEquals((long) lake.quotes.size() + lake.partnerMetrics.size(),
        count("select count(*) from (select 1 as k from quote_outcomes union all select 2 from partner_metrics) u"));
    assertEquals(List.of(List.of("x"), List.of("x")), rows("select 'x' from quote_outcomes limit 2"));
    assertEquals(List.of(List.of(1)), rows("select 1 from quote_outcomes union select 1 from partner_metrics"));
    assertEquals(lake.quotes.size(), count("select count(*) from (select \"date\" from quote_outcomes limit 500) t"));
  }

  @Test
  void explainShowsPushedProjectionAndFilters() throws SQLException {
    String plan = explain("select quote_id, list_premium from quote_outcomes "
        + "where \"date\" = date '2025-05-01' and quote_id >= 2030");
    assertTrue(plan.contains("EnumerableLakeTableScan(table=[[analytics, quote_outcomes]], "
        + "fields=[[date, quote_id, list_premium]], "
        + "partitionFilter=[date = DATE '2025-05-01'], rowGroupFilter=[quote_id >= 2030])"), plan);
    assertTrue(plan.startsWith("Enumerable"), plan);
  }

  @Test
  void joinsAcrossTheThreeTablesAggregatesAndSorts() throws SQLException {
    String sql = "select q.partner_id, c.tier, count(*) as n, sum(q.list_premium) as premium, "
        + "max(m.quotes_requested) as requested "
        + "from quote_outcomes q "
        + "join commission_history c on c.partner_id = q.partner_id and c.network = 'direct' "
        + "join partner_metrics m on m.\"date\" = q.\"date\" and m.partner_id = q.partner_id and m.network = 'direct' "
        + "where q.\"date\" >= date '2025-05-01' and q.outcome = 'won' "
        + "group by q.partner_id, c.tier order by q.partner_id";
    String[] tiers = {"bronze", "silver", "gold"};
    List<List<Object>> expected = new ArrayList<>();
    for (int partner = 1; partner <= 3; partner++) {
      int p = partner;
      List<TestLake.Quote> won = lake.quotes.stream()
          .filter(q -> q.partnerId() == p && q.outcome().equals("won") && !q.date().isBefore(LocalDate.parse("2025-05-01")))
          .toList();
      expected.add(List.of(partner, tiers[partner - 1], (long) won.size(),
          won.stream().map(TestLake.Quote::listPremium).reduce(BigDecimal.ZERO, BigDecimal::add), 1000L * partner));
    }
    List<List<Object>> actual = rows(sql).stream()
        .map(r -> List.of(r.get(0), r.get(1), ((Number) r.get(2)).longValue(), r.get(3), ((Number) r.get(4)).longValue()))
        .toList();
    assertEquals(expected, actual);
    String plan = explain(sql);
    assertFalse(plan.contains("Logical") || plan.contains("Bindable"), plan);
    assertEquals(3, plan.split("LakeTableScan", -1).length - 1, plan);
  }

  @Test
  void aDateFilterOnOneSideOfAJoinPrunesBothTables() throws SQLException {
    String sql = "select count(*) from quote_outcomes q join partner_metrics p on p.\"date\" = q.\"date\" "
        + "and p.partner_id = q.partner_id and p.network = q.network where q.\"date\" = date '2025-05-02'";
    long expected = lake.quotes.stream().filter(q -> q.date().equals(LocalDate.parse("2025-05-02")))
        .filter(q -> lake.partnerMetrics.stream().anyMatch(m -> m.date().equals(q.date())
            && m.partnerId() == q.partnerId() && m.network().equals(q.network())))
        .count();
    assertEquals(expected, count(sql));
    ScanMetrics.Snapshot m = measure(sql);
    assertEquals(2, m.scans());
    assertEquals(4, m.partitionsPruned(), "two days pruned in each table");
    assertEquals(2, m.filesOpened());
  }

  @Test
  void windowFunctionsAndNullOrdering() throws SQLException {
    List<List<Object>> actual = rows("select \"date\", quote_id from ("
        + "select \"date\", quote_id, row_number() over (partition by \"date\" order by list_premium desc) as rn "
        + "from quote_outcomes) where rn = 1 order by \"date\"");
    List<Long> expectedIds = TestLake.DAYS.stream()
        .map(d -> lake.quotes.stream().filter(q -> q.date().equals(d))
            .max(Comparator.comparing(TestLake.Quote::listPremium)).orElseThrow().quoteId())
        .toList();
    assertEquals(expectedIds, actual.stream().map(r -> ((Number) r.get(1)).longValue()).toList());

    List<Object> firstRisk = rows("select risk_score from quote_outcomes order by risk_score nulls first, quote_id limit 1")
        .get(0);
    assertNull(firstRisk.get(0));
    double running = rows("select sum(response_ms) over (order by quote_id rows between unbounded preceding and current row) "
        + "from quote_outcomes where quote_id between 1000 and 1002 order by quote_id").stream()
        .mapToDouble(r -> ((Number) r.get(0)).doubleValue()).max().orElseThrow();
    assertEquals(100 + 103 + 106, running, 0d);
  }

  @Test
  void percentilesFromTheFunctionsModule() throws SQLException {
    List<Integer> ms = lake.quotes.stream().filter(q -> q.date().equals(LocalDate.parse("2025-05-01")))
        .map(TestLake.Quote::responseMs).sorted().toList();
    double median = (ms.get(19) + ms.get(20)) / 2.0;
    List<List<Object>> rows = rows("select percentile_cont(0.5) within group (order by cast(response_ms as double)) "
        + "from quote_outcomes where \"date\" = date '2025-05-01'");
    assertEquals(median, ((Number) rows.get(0).get(0)).doubleValue(), 1e-9);
  }

  @Test
  void statisticsDescribeTheLake() {
    LakeStatistics stats = schema.statistics();
    assertEquals(new LakeStatistics.TableStatistics("quote_outcomes", 3, 4, 12, 120,
        stats.table("quote_outcomes").bytes()), stats.table("quote_outcomes"));
    assertEquals(4, stats.table("commission_history").partitions());
    assertEquals(6, stats.table("commission_history").rows());
    assertEquals(18, stats.table("partner_metrics").rows());
    assertTrue(stats.table("quote_outcomes").bytes() > 0);
    assertTrue(stats.root().startsWith("file:"), stats.root());
    Map<String, Object> view = schema.metrics().snapshot().toMap();
    assertTrue(view.keySet().containsAll(List.of("scans", "partitionsPruned", "filesOpened", "rowGroupsRead",
        "rowGroupsSkipped", "rowsProduced", "columnChunksDecoded", "openReaders")), view.toString());
  }

  @Test
  void concurrentQueriesShareOneSchema() throws Exception {
    String sql = "select network, count(*), sum(list_premium) from quote_outcomes group by network order by network";
    List<List<Object>> expected = rows(sql);
    int threads = 4;
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<List<List<Object>>> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try (Connection c = TestLake.connect(schema)) {
          for (int i = 0; i < 5; i++) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
              List<List<Object>> out = new ArrayList<>();
              while (rs.next()) {
                out.add(List.of(rs.getObject(1), rs.getObject(2), rs.getObject(3)));
              }
              results.add(out);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertEquals(List.of(), failures.stream().map(Objects::toString).collect(Collectors.toList()));
    assertEquals(threads * 5, results.size());
    results.forEach(r -> assertEquals(expected, r));
    assertEquals(0, schema.metrics().snapshot().openReaders());
  }
}
