package io.lakegate.clickhouse;

import java.util.List;

/**
 * The analyst queries both paths must answer alike: filters, grouping, COUNT(DISTINCT), percentiles,
 * joins of the three tables, window functions, ordering with NULLs, paging, date bucketing, timestamp
 * ranges, decimals and integer arithmetic. {@code ordered} queries have an ORDER BY that fixes the
 * order of every row, so the order is compared too.
 */
final class AnalystQueries {
  private AnalystQueries() {
  }

  /** One query of the set: a name for reports, the SQL, and whether its row order is defined. */
  record AnalystQuery(String name, String sql, boolean ordered) {
    @Override
    public String toString() {
      return name;
    }
  }

  static AnalystQuery unordered(String name, String sql) {
    return new AnalystQuery(name, sql, false);
  }

  static AnalystQuery ordered(String name, String sql) {
    return new AnalystQuery(name, sql, true);
  }

  static final List<AnalystQuery> ALL = List.of(
      unordered("filter and projection",
          "SELECT quote_id, partner_id, network, list_premium, final_premium FROM quote_outcomes"
              + " WHERE outcome = 'won' AND list_premium > 1000 AND \"date\" BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'"),
      unordered("count with IN and boolean",
          "SELECT COUNT(*) AS n FROM quote_outcomes WHERE network IN ('direct', 'api') AND is_renewal"),
      unordered("group by with aggregates",
          "SELECT network, outcome, COUNT(*) AS n, SUM(list_premium) AS premium, MIN(quoted_at) AS first_quote,"
              + " MAX(decided_at) AS last_decision, MIN(\"date\") AS first_day FROM quote_outcomes GROUP BY network, outcome"),
      unordered("average of integers and decimals",
          "SELECT product, AVG(response_ms) AS avg_ms, AVG(list_premium) AS avg_premium, AVG(risk_score) AS avg_risk"
              + " FROM quote_outcomes GROUP BY product"),
      unordered("count distinct",
          "SELECT network, COUNT(DISTINCT partner_id) AS partners, COUNT(DISTINCT customer_id) AS customers,"
              + " COUNT(*) AS quotes FROM quote_outcomes GROUP BY network"),
      unordered("percentiles",
          "SELECT product, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY list_premium) AS median_premium,"
              + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY response_ms) AS p90_ms,"
              + " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY risk_score) AS q1_risk"
              + " FROM quote_outcomes GROUP BY product"),
      unordered("percentiles descending, integer and timestamp",
          "SELECT network, PERCENTILE_CONT(0.3) WITHIN GROUP (ORDER BY response_ms DESC) AS p30_desc,"
              + " PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY quoted_at) AS q1_quoted,"
              + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY final_premium) AS p90_final"
              + " FROM quote_outcomes GROUP BY network"),
      unordered("join quotes to the commission terms in force",
          "SELECT q.network, c.tier, COUNT(*) AS quotes, SUM(q.final_premium * c.commission_rate) AS commission"
              + " FROM quote_outcomes q JOIN commission_history c ON q.partner_id = c.partner_id AND q.network = c.network"
              + " AND q.\"date\" >= c.effective_from AND (c.effective_to IS NULL OR q.\"date\" <= c.effective_to)"
              + " GROUP BY q.network, c.tier"),
      unordered("left join keeps unmatched rows with NULLs",
          "SELECT m.partner_id, m.network, m.quotes_won, c.commission_rate, c.flat_fee FROM partner_metrics m"
              + " LEFT JOIN commission_history c ON m.partner_id = c.partner_id AND m.network = c.network"
              + " AND c.effective_from > DATE '2025-06-01' WHERE m.\"date\" = DATE '2025-07-01'"),
      unordered("three tables",
          "SELECT m.\"date\", m.network, SUM(m.quotes_requested) AS requested, COUNT(DISTINCT q.quote_id) AS quotes,"
              + " MAX(c.commission_rate) AS max_rate FROM partner_metrics m"
              + " JOIN quote_outcomes q ON q.partner_id = m.partner_id AND q.network = m.network AND q.\"date\" = m.\"date\""
              + " JOIN commission_history c ON c.partner_id = m.partner_id AND c.network = m.network"
              + " WHERE m.\"date\" BETWEEN DATE '2025-12-20' AND DATE '2026-01-10' GROUP BY m.\"date\", m.network"),
      unordered("window functions",
          "SELECT partner_id, \"date\", quotes_won,"
              + " SUM(quotes_won) OVER (PARTITION BY partner_id ORDER BY \"date\" ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS won_7d,"
              + " RANK() OVER (PARTITION BY \"date\" ORDER BY quotes_won DESC) AS rnk,"
              + " ROW_NUMBER() OVER (PARTITION BY partner_id ORDER BY \"date\") AS rn,"
              + " LAG(quotes_won, 1) OVER (PARTITION BY partner_id ORDER BY \"date\") AS prev_won"
              + " FROM partner_metrics WHERE network = 'direct' AND \"date\" < DATE '2025-06-01'"),
      ordered("order by with NULLs, descending",
          "SELECT quote_id, decided_at FROM quote_outcomes WHERE \"date\" = DATE '2025-08-01' ORDER BY decided_at DESC, quote_id"),
      ordered("order by NULLS FIRST with limit and offset",
          "SELECT quote_id, final_premium FROM quote_outcomes WHERE \"date\" BETWEEN DATE '2025-08-01' AND DATE '2025-08-03'"
              + " ORDER BY final_premium NULLS FIRST, quote_id LIMIT 20 OFFSET 5"),
      ordered("offset fetch",
          "SELECT quote_id, customer_id FROM quote_outcomes ORDER BY customer_id DESC NULLS LAST, quote_id"
              + " OFFSET 7 ROWS FETCH NEXT 5 ROWS ONLY"),
      ordered("month buckets",
          "SELECT FLOOR(quoted_at TO MONTH) AS quote_month, COUNT(*) AS quotes FROM quote_outcomes"
              + " GROUP BY FLOOR(quoted_at TO MONTH) ORDER BY quote_month"),
      ordered("week and quarter buckets of dates",
          "SELECT FLOOR(\"date\" TO WEEK) AS week, FLOOR(\"date\" TO QUARTER) AS quarter, SUM(quotes_won) AS won"
              + " FROM partner_metrics GROUP BY FLOOR(\"date\" TO WEEK), FLOOR(\"date\" TO QUARTER) ORDER BY week, quarter"),
      ordered("extract",
          "SELECT EXTRACT(YEAR FROM \"date\") AS y, EXTRACT(MONTH FROM \"date\") AS m, EXTRACT(DOW FROM \"date\") AS dow,"
              + " EXTRACT(HOUR FROM quoted_at) AS h, COUNT(*) AS n FROM quote_outcomes"
              + " GROUP BY EXTRACT(YEAR FROM \"date\"), EXTRACT(MONTH FROM \"date\"), EXTRACT(DOW FROM \"date\"),"
              + " EXTRACT(HOUR FROM quoted_at) ORDER BY y, m, dow, h"),
      unordered("timestamp range",
          "SELECT quote_id, quoted_at, decided_at FROM quote_outcomes"
              + " WHERE quoted_at >= TIMESTAMP '2025-09-01 09:00:00' AND quoted_at < TIMESTAMP '2025-09-03 17:30:00.250'"),
      unordered("decimal arithmetic",
          "SELECT outcome, SUM(final_premium) AS paid, SUM(list_premium - COALESCE(final_premium, 0)) AS given,"
              + " SUM(giveaway) AS giveaway, MAX(list_premium * 2) AS twice FROM quote_outcomes GROUP BY outcome"),
      unordered("integer division",
          "SELECT partner_id, SUM(quotes_won) / COUNT(*) AS won_per_day, MAX(quotes_won / 2) AS half,"
              + " MIN(quotes_requested / 3) AS third FROM partner_metrics GROUP BY partner_id"),
      unordered("case, coalesce and having",
          "SELECT CASE WHEN risk_score > 0.5 THEN 'high' WHEN risk_score IS NULL THEN 'none' ELSE 'low' END AS risk,"
              + " COUNT(*) AS n, COALESCE(SUM(final_premium), 0) AS paid FROM quote_outcomes"
              + " GROUP BY CASE WHEN risk_score > 0.5 THEN 'high' WHEN risk_score IS NULL THEN 'none' ELSE 'low' END"
              + " HAVING COUNT(*) > 10"),
      unordered("booleans",
          "SELECT is_partner_active, network, COUNT(*) AS n, SUM(CASE WHEN is_partner_active THEN 1 ELSE 0 END) AS active"
              + " FROM partner_metrics GROUP BY is_partner_active, network"),
      unordered("empty input aggregates",
          "SELECT COUNT(*) AS n, SUM(list_premium) AS premium, MAX(quoted_at) AS last_quote, MIN(risk_score) AS risk"
              + " FROM quote_outcomes WHERE partner_id = -1"),
      unordered("subquery and in",
          "SELECT partner_id, network, SUM(quotes_won) AS won FROM partner_metrics WHERE partner_id IN"
              + " (SELECT partner_id FROM commission_history WHERE tier = 'platinum') GROUP BY partner_id, network"),
      unordered("union all and strings",
          "SELECT LOWER(network) AS k, CHAR_LENGTH(network) AS len FROM commission_history WHERE network LIKE 'a%'"
              + " UNION ALL SELECT UPPER(tier) || '-' || SUBSTRING(tier FROM 1 FOR 3), 0 FROM commission_history"),
      unordered("timestamp arithmetic",
          "SELECT quote_id, TIMESTAMPDIFF(MINUTE, quoted_at, decided_at) AS minutes,"
              + " CAST(quoted_at AS DATE) AS quote_day, quoted_at + INTERVAL '1' HOUR AS plus_hour"
              + " FROM quote_outcomes WHERE \"date\" = DATE '2026-02-02'"),
      ordered("ceil and floor to day and hour",
          "SELECT CEIL(quoted_at TO DAY) AS next_midnight, FLOOR(quoted_at TO HOUR) AS hour_start,"
              + " CEIL(\"date\" TO MONTH) AS month_end, COUNT(*) AS n FROM quote_outcomes"
              + " WHERE \"date\" BETWEEN DATE '2025-10-30' AND DATE '2025-11-02'"
              + " GROUP BY CEIL(quoted_at TO DAY), FLOOR(quoted_at TO HOUR), CEIL(\"date\" TO MONTH)"
              + " ORDER BY hour_start, next_midnight"),
      unordered("more window functions",
          "SELECT quote_id, network, NTILE(4) OVER (PARTITION BY network ORDER BY list_premium, quote_id) AS quartile,"
              + " DENSE_RANK() OVER (ORDER BY product) AS product_rank,"
              + " PERCENT_RANK() OVER (PARTITION BY network ORDER BY list_premium) AS pct,"
              + " CUME_DIST() OVER (PARTITION BY network ORDER BY response_ms) AS cume,"
              + " FIRST_VALUE(final_premium) OVER (PARTITION BY network ORDER BY quote_id"
              + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS first_final,"
              + " LEAD(decided_at) OVER (PARTITION BY network ORDER BY quote_id) AS next_decision,"
              + " COUNT(*) OVER (PARTITION BY network) AS quotes_in_network"
              + " FROM quote_outcomes WHERE \"date\" BETWEEN DATE '2025-11-01' AND DATE '2025-11-07'"),
      unordered("percentiles without group by and of dates",
          "SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY effective_from) AS median_start,"
              + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY commission_rate DESC) AS median_rate_desc,"
              + " PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY flat_fee) AS q3_fee,"
              + " PERCENTILE_DISC(0) WITHIN GROUP (ORDER BY changed_at) AS first_change,"
              + " PERCENTILE_CONT(1) WITHIN GROUP (ORDER BY partner_id) AS max_partner FROM commission_history"),
      unordered("exists subquery",
          "SELECT network, COUNT(*) AS n FROM partner_metrics m WHERE EXISTS (SELECT 1 FROM commission_history c"
              + " WHERE c.partner_id = m.partner_id AND c.tier = 'gold') GROUP BY network"),
      ordered("cte, join and top n",
          "WITH won AS (SELECT partner_id, SUM(final_premium) AS premium FROM quote_outcomes WHERE outcome = 'won'"
              + " GROUP BY partner_id) SELECT w.partner_id, w.premium, MAX(c.tier) AS tier FROM won w"
              + " JOIN commission_history c ON c.partner_id = w.partner_id GROUP BY w.partner_id, w.premium"
              + " ORDER BY w.premium DESC, w.partner_id LIMIT 10"),
      unordered("string search and nullable grouping",
          "SELECT changed_by, COUNT(*) AS n, MAX(CHAR_LENGTH(tier)) AS len FROM commission_history"
              + " WHERE network LIKE '%e%' AND POSITION('r' IN tier) > 0 GROUP BY changed_by"),
      unordered("date arithmetic",
          "SELECT quote_id, \"date\" + INTERVAL '7' DAY AS week_later FROM quote_outcomes"
              + " WHERE decided_at > quoted_at + INTERVAL '1' DAY AND \"date\" < DATE '2025-07-01'"),
      unordered("union distinct and not",
          "SELECT network FROM commission_history WHERE NOT (tier = 'bronze') UNION SELECT network FROM partner_metrics"
              + " WHERE is_partner_active = false"),
      ordered("offset without limit",
          "SELECT quote_id FROM quote_outcomes ORDER BY quote_id OFFSET 23000 ROWS"),
      unordered("integers cast to varchar and concatenated",
          "SELECT CAST(partner_id AS VARCHAR) || ':' || network AS k, COUNT(*) AS n,"
              + " MAX(CAST(quotes_requested - 1000 AS VARCHAR(20))) AS text_max FROM partner_metrics"
              + " GROUP BY CAST(partner_id AS VARCHAR) || ':' || network"),
      unordered("date differences in days and weeks",
          "SELECT tier, AVG(TIMESTAMPDIFF(DAY, effective_from, effective_to)) AS avg_days,"
              + " MIN(TIMESTAMPDIFF(DAY, effective_to, effective_from)) AS most_negative,"
              + " MAX(TIMESTAMPDIFF(WEEK, effective_from, COALESCE(effective_to, DATE '2026-11-01'))) AS weeks,"
              + " COUNT(TIMESTAMPDIFF(DAY, effective_from, effective_to)) AS closed FROM commission_history GROUP BY tier"),
      unordered("literals that need escaping",
          "SELECT tier, COUNT(*) AS n FROM commission_history WHERE changed_by <> 'o''brien \\ x'"
              + " AND network NOT LIKE '%\\%' AND tier <> 'é' GROUP BY tier"));

  /**
   * Queries ClickHouse cannot take whole, with why: they still give the same rows, the part
   * ClickHouse cannot answer like Calcite runs in Calcite.
   */
  static final List<AnalystQuery> PARTLY_PUSHED = List.of(
      unordered("rollup (the JDBC adapter pushes one grouping set only)",
          "SELECT network, product, COUNT(*) AS n FROM quote_outcomes GROUP BY ROLLUP(network, product)"),
      unordered("round (ClickHouse rounds halves of doubles to even)",
          "SELECT partner_id, \"date\", ROUND(avg_response_ms / 3, 1) AS third_ms FROM partner_metrics"
              + " WHERE \"date\" = DATE '2025-09-09'"),
      unordered("decimal division (Calcite keeps 16 significant digits, ClickHouse the dividend's scale)",
          "SELECT network, SUM(giveaway) / COUNT(*) AS giveaway_per_quote, SUM(final_premium) / SUM(list_premium)"
              + " AS kept, SUM(final_premium * 2) / 3 AS two_thirds FROM quote_outcomes GROUP BY network"),
      unordered("cast of a double to varchar (ClickHouse formats doubles its own way)",
          "SELECT CAST(giveaway_rate AS VARCHAR) AS rate_text, COUNT(*) AS n FROM partner_metrics"
              + " WHERE \"date\" = DATE '2025-09-09' GROUP BY CAST(giveaway_rate AS VARCHAR)"),
      unordered("cast of an integer to a short varchar (Calcite truncates)",
          "SELECT CAST(quotes_requested AS VARCHAR(2)) AS head, COUNT(*) AS n FROM partner_metrics"
              + " GROUP BY CAST(quotes_requested AS VARCHAR(2))"),
      unordered("timestampdiff in months (no ClickHouse equivalent of Calcite's month arithmetic)",
          "SELECT partner_id, MAX(TIMESTAMPDIFF(MONTH, changed_at, TIMESTAMP '2026-11-01 00:00:00')) AS months"
              + " FROM commission_history GROUP BY partner_id"),
      unordered("count distinct over a window (lakegate's own window function)",
          "SELECT network, \"date\", COUNT(DISTINCT partner_id) OVER (PARTITION BY network) AS partners"
              + " FROM partner_metrics WHERE \"date\" = DATE '2025-09-09'"));
}
