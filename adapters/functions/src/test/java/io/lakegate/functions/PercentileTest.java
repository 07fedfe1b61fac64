package io.lakegate.functions;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static io.lakegate.functions.Queries.error;
import static io.lakegate.functions.Queries.plan;
import static io.lakegate.functions.Queries.rows;
import static io.lakegate.functions.Queries.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PERCENTILE_CONT and PERCENTILE_DISC on the lake path, against values
 * worked out by hand from {@link AnalystFixture}'s quotes:
 *
 * <pre>
 * ms sorted:       90 95 120 150 180 210 260 340 510 700          (n = 10, no NULLs)
 * giveaway sorted: 3.00 6.00 10.00 25.05 33.00 60.00 125.00      (n = 7, 3 NULLs)
 * qty sorted:      1 1 1 2 2 3 3 4 5 7
 * </pre>
 *
 * CONT interpolates at position f * (n - 1) (0-based); DISC takes the
 * ceil(f * n)-th value (1-based, at least the first).
 */
class PercentileTest {
  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static String cont(String fraction, String orderBy) {
    return "percentile_cont(" + fraction + ") within group (order by " + orderBy + ")";
  }

  private static String disc(String fraction, String orderBy) {
    return "percentile_disc(" + fraction + ") within group (order by " + orderBy + ")";
  }

  @Test void fractionsZeroHalfNinetyOne() {
    // CONT: 0 -> 90; 0.5 -> pos 4.5 -> 180 + 0.5 * 30 = 195; 0.9 -> pos 8.1 -> 510 + 0.1 * 190 = 529.
    assertEquals(row(90, 195, 529, 700), rows("select " + cont("0", "ms") + ", "
        + cont("0.5", "ms") + ", " + cont("0.9", "ms") + ", " + cont("1", "ms") + " from quotes")
        .get(0));
    // DISC: ceil(0) -> 1st = 90; ceil(5) = 5th = 180; ceil(9) = 9th = 510; 10th = 700.
    assertEquals(row(90, 180, 510, 700), rows("select " + disc("0", "ms") + ", "
        + disc("0.5", "ms") + ", " + disc("0.9", "ms") + ", " + disc("1", "ms") + " from quotes")
        .get(0));
    // DISC 0.25: ceil(2.5) = 3rd = 120.
    assertEquals(120, value("select " + disc("0.25", "ms") + " from quotes"));
  }

  @Test void continuousResultHasTheOrderByType() {
    // Calcite types PERCENTILE_CONT like its ORDER BY: 0.25 -> pos 2.25 -> 127.5, an INTEGER 127.
    assertEquals(127, value("select " + cont("0.25", "ms") + " from quotes"));
    assertEquals(127.5, value("select " + cont("0.25", "cast(ms as double)") + " from quotes"));
    // BIGINT qty: 0.9 -> pos 8.1 -> 5 + 0.1 * 2 = 5.2 -> 5.
    assertEquals(5L, value("select " + cont("0.9", "qty") + " from quotes"));
    assertEquals(5.2, (Double) value("select " + cont("0.9", "cast(qty as double)")
        + " from quotes"), 1e-12);
  }

  @Test void descendingOrder() {
    // CONT 0.9 DESC = CONT 0.1 ASC: pos 0.9 -> 90 + 0.9 * 5 = 94.5.
    assertEquals(94.5, (Double) value("select " + cont("0.9", "cast(ms as double) desc")
        + " from quotes"), 1e-12);
    // DISC over 700 510 340 260 210 180 ...: 0.5 -> 5th = 210; 0.9 -> 9th = 95.
    assertEquals(row(210, 95), rows("select " + disc("0.5", "ms desc") + ", "
        + disc("0.9", "ms desc") + " from quotes").get(0));
  }

  @Test void decimalInputIgnoresNulls() {
    // 7 non-NULL giveaways. CONT 0.5 -> pos 3 -> 25.05; 0.9 -> pos 5.4 -> 60 + 0.4 * 65 = 86.00;
    // 0.35 -> pos 2.1 -> 10 + 0.1 * 15.05 = 11.505, kept at the column's scale: 11.50.
    // DISC 0.5 -> ceil(3.5) = 4th = 25.05; 0.9 -> ceil(6.3) = 7th = 125.00.
    assertEquals(row(dec("25.05"), dec("86.00"), dec("11.50"), dec("25.05"), dec("125.00")),
        rows("select " + cont("0.5", "giveaway") + ", " + cont("0.9", "giveaway") + ", "
            + cont("0.35", "giveaway") + ", " + disc("0.5", "giveaway") + ", "
            + disc("0.9", "giveaway") + " from quotes").get(0));
  }

  @Test void doubleInput() {
    // rate sorted: .05 .05 .10 .10 .15 .20 .25; 0.9 -> pos 5.4 -> .20 + .4 * .05 = .22.
    assertEquals(0.22, (Double) value("select " + cont("0.9", "rate") + " from quotes"), 1e-12);
    assertEquals(0.10, value("select " + disc("0.5", "rate") + " from quotes"));
  }

  @Test void datesAndTimestamps() {
    assertEquals(row(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-04-10"),
            LocalDateTime.parse("2024-07-04T16:20")),
        rows("select " + disc("0.5", "quote_date") + ", " + disc("0.5", "quote_date desc") + ", "
            + disc("0.9", "quoted_at") + " from quotes").get(0));
  }

  @Test void everyPrimitiveOrderByType() {
    // The generated code passes these unboxed; each comes back in its own Java class.
    assertEquals(row((short) 180, (short) 127, (byte) 5, (byte) 2),
        rows("select " + disc("0.5", "cast(ms as smallint)") + ", "
            + cont("0.25", "cast(ms as smallint)") + ", " + disc("0.9", "cast(qty as tinyint)")
            + ", " + cont("0.5", "cast(qty as tinyint)") + " from quotes").get(0));
    // REAL is a Java float, FLOAT a double. DISC 0.9 DESC: 9th of 700 510 ... 95 90 = 95.
    assertEquals(row(127.5f, 95f, 529.0),
        rows("select " + cont("0.25", "cast(ms as real)") + ", "
            + disc("0.9", "cast(ms as real) desc") + ", " + cont("0.9", "cast(ms as float)")
            + " from quotes").get(0));
    // Nullable INTEGER (ms of won quotes: 120 340 510 210 700 150 260): CONT 0.5 -> 260.
    assertEquals(260, value("select " + cont("0.5", "case when won then ms end") + " from quotes"));
  }

  @Test void groupBy() {
    // acme 10.00 25.05 33.00 -> pos 1.8 -> 25.05 + 0.8 * 7.95 = 31.41; bolt 6 60 -> 54.60;
    // cora 3 125 -> 112.80; dyno has only a NULL giveaway -> NULL.
    assertEquals(List.of(row("acme", dec("31.41"), dec("33.00")),
            row("bolt", dec("54.60"), dec("60.00")), row("cora", dec("112.80"), dec("125.00")),
            row("dyno", null, null)),
        rows("select partner, " + cont("0.9", "giveaway") + ", " + disc("0.9", "giveaway")
            + " from quotes group by partner order by partner"));
  }

  @Test void singleValue() {
    assertEquals(row(90, 90, 90), rows("select " + cont("0.9", "ms") + ", " + disc("0.9", "ms")
        + ", " + cont("0", "ms") + " from quotes where partner = 'dyno'").get(0));
  }

  @Test void emptyInputIsNullWhenTheTypeIsNullable() {
    assertNull(value("select " + cont("0.5", "giveaway") + " from quotes where id > 100"));
    assertNull(value("select " + disc("0.5", "giveaway") + " from quotes where partner = 'zzz'"));
    assertEquals(List.of(), rows("select partner, " + cont("0.5", "ms")
        + " from quotes where id > 100 group by partner"));
  }

  @Test void inputThePlannerProvesEmpty() {
    // The partners side becomes an empty Values during planning, and so does the join.
    assertNull(value("select " + cont("0.5", "q.giveaway") + " from quotes q"
        + " join (select * from partners limit 0) p on q.partner = p.partner"));
  }

  @Test void emptyInputWithANotNullTypeIsAClearError() {
    // Calcite types the result NOT NULL (ms is NOT NULL), so NULL cannot be returned.
    String error = error("select " + cont("0.5", "ms") + " from quotes where id > 100");
    assertTrue(error.contains("CalciteException: PERCENTILE_CONT has no input value in a group whose result type"
        + " is NOT NULL"), error);
    // The workaround the message gives.
    assertNull(value("select " + cont("0.5", "nullif(ms, null)") + " from quotes where id > 100"));
  }

  @Test void withOtherAggregates() {
    // acme: 4 rows, premium 650.50, 2 networks, ms 95 120 260 340 -> DISC 0.5 = 2nd = 120.
    assertEquals(List.of(row("acme", 4L, dec("650.50"), 2L, dec("31.41"), 120),
            row("bolt", 3L, dec("495.25"), 2L, dec("54.60"), 210),
            row("cora", 2L, dec("560.00"), 2L, dec("112.80"), 150),
            row("dyno", 1L, dec("90.00"), 1L, null, 90)),
        rows("select partner, count(*), sum(premium), count(distinct network), "
            + cont("0.9", "giveaway") + ", " + disc("0.5", "ms")
            + " from quotes group by partner order by partner"));
    assertEquals(row(195, 4L, 2655), rows("select " + cont("0.5", "ms")
        + ", count(distinct partner), sum(ms) from quotes").get(0));
  }

  @Test void rollup() {
    // Grand total: premium sorted 60 75.25 80 90 100 120 220 250.50 300 500 -> ceil(9) = 300.00.
    assertEquals(List.of(row("acme", dec("250.50")), row("bolt", dec("300.00")),
            row("cora", dec("500.00")), row("dyno", dec("90.00")), row(null, dec("300.00"))),
        rows("select partner, " + disc("0.9", "premium")
            + " from quotes group by rollup(partner) order by 1"));
  }

  @Test void insideACommonTableExpression() {
    assertEquals(List.of("bolt", "cora"), rows("with p as (select partner, "
        + cont("0.9", "giveaway") + " p90 from quotes group by partner)"
        + " select partner from p where p90 > 50 order by 1").stream().map(r -> r.get(0)).toList());
  }

  @Test void inHaving() {
    // Median ms: acme 95 120 260 340 -> 190; bolt 180 210 510 -> 210; cora 150 700 -> 425; dyno 90.
    assertEquals(List.of("bolt", "cora"), rows("select partner from quotes group by partner"
        + " having " + cont("0.5", "ms") + " > 200 order by 1").stream().map(r -> r.get(0)).toList());
  }

  @Test void filterWrittenAsCase() {
    // FILTER (WHERE won) fails in Calcite's validator; NULLs are ignored, so CASE does the same.
    // Won ms per partner: acme 120 340 260 -> DISC 0.5 = 2nd = 260; bolt 510 210 -> 210;
    // cora 700 150 -> 150; dyno has none -> NULL.
    assertEquals(List.of(row("acme", 260), row("bolt", 210), row("cora", 150), row("dyno", null)),
        rows("select partner, " + disc("0.5", "case when won then ms end")
            + " from quotes group by partner order by 1"));
  }

  @Test void differentFractionsOfTheSameColumnStayApart() {
    assertEquals(row(180, 510, 180), rows("select " + disc("0.5", "ms") + ", " + disc("0.9", "ms")
        + ", " + disc("0.50", "ms") + " from quotes").get(0));
  }

  @Test void invalidFractionsAreRejectedByTheValidator() {
    assertTrue(error("select " + cont("1.5", "ms") + " from quotes")
        .contains("Argument to function 'PERCENTILE_CONT' must be a numeric literal between 0 and 1"));
    assertTrue(error("select " + cont("ms", "ms") + " from quotes")
        .contains("Argument to function 'PERCENTILE_CONT' must be a literal"));
  }

  @Test void planShowsTheRewrittenCall() {
    String plan = plan("select partner, " + cont("0.9", "giveaway") + ", " + disc("0.5", "ms desc")
        + " from quotes group by partner");
    assertTrue(plan.contains("EnumerableAggregate"), plan);
    assertTrue(plan.contains("PERCENTILE_CONT(0.9)($6)"), plan);
    assertTrue(plan.contains("PERCENTILE_DISC(0.5 DESC)($8)"), plan);
  }
}
