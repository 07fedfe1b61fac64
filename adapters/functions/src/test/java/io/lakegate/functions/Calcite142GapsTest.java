package io.lakegate.functions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lakegate.functions.Queries.plainError;
import static io.lakegate.functions.Queries.plainRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins what plain Calcite 1.42 does, without lakegate's rules, for each gap
 * lakegate closes. When a Calcite upgrade fixes one, its test here fails and
 * the matching lakegate rule can be retired.
 */
class Calcite142GapsTest {
  private static List<Object> firstColumn(String sql) {
    return plainRows(sql).stream().map(row -> row.get(0)).toList();
  }

  @Test void percentilesCannotBePlanned() {
    String error = plainError("select percentile_cont(0.9) within group (order by ms) from quotes");
    assertTrue(error.contains("There are not enough rules"), error);
    assertTrue(error.contains("Missing conversion is LogicalAggregate"), error);
    assertTrue(plainError("select percentile_disc(0.9) within group (order by ms) from quotes")
        .contains("There are not enough rules"));
  }

  @Test void percentRankAndCumeDistFailWhenCompiled() {
    assertTrue(plainError("select percent_rank() over (order by ms) from quotes")
        .contains("Unable to implement"));
    assertTrue(plainError("select cume_dist() over (order by ms) from quotes")
        .contains("Unable to implement"));
  }

  @Test void countDistinctOverIgnoresDistinct() {
    // Four partners, but every row gets COUNT(partner) = 10.
    assertEquals(List.of(10L), firstColumn(
        "select count(distinct partner) over () from quotes where id = 1 or id > 0 limit 1"));
  }

  @Test void dateRangeFrameBecomesARunningTotal() {
    // INTERVAL '30' DAY is 2,592,000,000 ms, subtracted from epoch days.
    assertEquals(List.of(120, 460, 555, 1065, 1275), firstColumn("select sum(ms) over"
        + " (order by quote_date range between interval '30' day preceding and current row)"
        + " from quotes order by id limit 5"));
  }

  @Test void monthRangeFrameShrinksToOneRow() {
    assertEquals(List.of(1L, 1L, 1L), firstColumn("select count(*) over (order by quoted_at"
        + " range between interval '1' month preceding and current row) from quotes limit 3"));
  }

  @Test void descendingRangeFrameIsEmpty() {
    assertEquals(List.of(0L, 0L), firstColumn("select count(*) over (order by ms desc"
        + " range between 100 preceding and current row) from quotes limit 2"));
  }

  @Test void nthValueLooksPastTheFrame() {
    // Row 1's frame holds one row, so NTH_VALUE(ms, 2) should be NULL.
    assertEquals(340, firstColumn(
        "select nth_value(ms, 2) over (order by id) from quotes order by id").get(0));
  }
}
