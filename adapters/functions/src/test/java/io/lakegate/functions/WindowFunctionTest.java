package io.lakegate.functions;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.lakegate.functions.Queries.plan;
import static io.lakegate.functions.Queries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PERCENT_RANK, CUME_DIST and COUNT(DISTINCT) OVER on the lake path, checked
 * against their SQL definitions evaluated in Java over
 * {@link AnalystFixture}'s quotes.
 */
class WindowFunctionTest {
  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** The quotes' values of one column, by id order. */
  private static List<Object> quoteColumn(String name) {
    int index = AnalystFixture.QUOTE_COLUMNS.indexOf(name);
    return AnalystFixture.QUOTES.stream().map(q -> q[index]).toList();
  }

  @Test void percentRankAndCumeDistMatchTheirDefinitions() {
    List<Object> ms = quoteColumn("ms");
    List<List<Object>> actual = rows("select percent_rank() over (order by ms),"
        + " cume_dist() over (order by ms) from quotes order by id");
    int n = ms.size();
    for (int i = 0; i < n; i++) {
      int value = (Integer) ms.get(i);
      long below = ms.stream().filter(m -> (Integer) m < value).count();
      long upToPeers = ms.stream().filter(m -> (Integer) m <= value).count();
      assertEquals(row((double) below / (n - 1), (double) upToPeers / n), actual.get(i), "row " + i);
    }
  }

  @Test void peersAndPartitions() {
    // acme rows by id: 1 won, 2 won, 3 lost, 9 won. Ordered by won: lost first (rank 1),
    // the three won rows are peers (rank 2): PERCENT_RANK (2 - 1) / (4 - 1), CUME_DIST 4 / 4.
    // A one-row partition (dyno) has PERCENT_RANK 0 and CUME_DIST 1.
    assertEquals(List.of(row(1, 1.0 / 3, 1.0), row(2, 1.0 / 3, 1.0), row(3, 0.0, 0.25),
            row(9, 1.0 / 3, 1.0), row(10, 0.0, 1.0)),
        rows("select id, pr, cd from (select id, partner,"
            + " percent_rank() over (partition by partner order by won) pr,"
            + " cume_dist() over (partition by partner order by won) cd from quotes)"
            + " where partner in ('acme', 'dyno') order by id"));
  }

  @Test void descendingOrder() {
    // ms DESC: 700 is first -> 0; 90 is last -> 1.
    assertEquals(List.of(row(7, 0.0, 0.1), row(10, 1.0, 1.0)), rows("select id, pr, cd from"
        + " (select id, percent_rank() over (order by ms desc) pr,"
        + " cume_dist() over (order by ms desc) cd from quotes) where id in (7, 10) order by id"));
  }

  @Test void insideExpressionsAndBesideOtherWindows() {
    assertEquals(List.of(row(1, 22.0, 3L, 30.0)), rows("select id, round(100 * pr),"
        + " rn, 100 * cd from (select id, percent_rank() over (order by ms) pr,"
        + " row_number() over (order by ms) rn, cume_dist() over (order by ms) cd from quotes)"
        + " where id = 1"));
  }

  @Test void countDistinctOverMatchesItsDefinition() {
    List<Object> partners = quoteColumn("partner");
    List<Object> networks = quoteColumn("network");
    List<Object> customers = quoteColumn("customer");
    List<List<Object>> actual = rows("select count(distinct partner) over (),"
        + " count(distinct partner) over (partition by network),"
        + " count(distinct customer) over (order by id) from quotes order by id");
    for (int i = 0; i < partners.size(); i++) {
      Set<Object> inNetwork = new HashSet<>();
      Set<Object> customersSoFar = new HashSet<>();
      for (int j = 0; j < partners.size(); j++) {
        if (networks.get(j).equals(networks.get(i))) {
          inNetwork.add(partners.get(j));
        }
        if (j <= i && customers.get(j) != null) {
          customersSoFar.add(customers.get(j));
        }
      }
      assertEquals(row(4L, (long) inNetwork.size(), (long) customersSoFar.size()), actual.get(i),
          "row " + i);
    }
  }

  @Test void countDistinctOverASlidingFrame() {
    // Partners by id: acme acme acme bolt bolt bolt cora cora acme dyno; frame = 3 rows.
    assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 1L, 2L, 2L, 2L, 3L), rows("select"
        + " count(distinct partner) over (order by id rows between 2 preceding and current row)"
        + " from quotes order by id").stream().map(r -> r.get(0)).toList());
  }

  @Test void planShowsTheRewrites() {
    String plan = plan("select percent_rank() over (order by ms),"
        + " count(distinct partner) over (partition by network) from quotes");
    assertTrue(plan.contains("RANK()"), plan);
    assertTrue(plan.contains("LAKEGATE_COUNT_DISTINCT"), plan);
    assertTrue(!plan.contains("PERCENT_RANK"), plan);
  }

  @Test void dateRangeFrameOrdersByTimestamp() {
    String plan = plan("select sum(ms) over (order by quote_date"
        + " range between interval '7' day preceding and current row) from quotes");
    assertTrue(plan.contains("CAST($t3):TIMESTAMP(0)"), plan);
  }
}
