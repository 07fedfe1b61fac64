-- The benchmark corpus: questions an analytics agent asks of the lake, in lakegate's SQL.
--
-- One query per block. A block starts with "-- name: <id>", then "-- kind: <kind>" (selective, scan,
-- group-by, percentile, join, top-n) and optionally "-- mixed" when the query belongs to the mixed
-- workload of the concurrency section (interactive questions an agent fires many of at once), and
-- "-- partitions: n" on a selective query: the partitions (days) it needs, so the lake path may open the
-- files of at most that many partitions (quote_id_range: one, found by row-group statistics).
-- The same text runs through lakegate (both paths) and DuckDB; a "-- duckdb:" line starts a variant
-- for DuckDB when its dialect needs one. Every answer has at most 100 rows (the gateway's default row
-- limit), so that every engine returns the same rows, and no literal depends on the lake's scale.

-- name: day_network_summary
-- kind: selective
-- partitions: 1
-- mixed
select network, count(*) as quotes, sum(case when outcome = 'won' then 1 else 0 end) as won,
       sum(final_premium) as premium
from quote_outcomes where "date" = date '2026-03-10'
group by network order by network;

-- name: partner_day_quotes
-- kind: selective
-- partitions: 1
-- mixed
select quote_id, product, outcome, list_premium, final_premium
from quote_outcomes where "date" = date '2026-06-15' and partner_id = 59
order by quote_id limit 50;

-- name: partner_month_metrics
-- kind: selective
-- partitions: 28
-- mixed
select "date", sum(quotes_requested) as requested, sum(quotes_won) as won, sum(gross_premium) as gross
from partner_metrics where partner_id = 103 and "date" between date '2026-02-01' and date '2026-02-28'
group by "date" order by "date";

-- name: api_errors_week
-- kind: selective
-- partitions: 9
-- mixed
select "date", count(*) as quotes, sum(case when outcome = 'error' then 1 else 0 end) as errors
from quote_outcomes where network = 'api' and "date" between date '2026-02-25' and date '2026-03-05'
group by "date" order by "date";

-- name: quote_id_range
-- kind: selective
-- partitions: 1
-- mixed
select quote_id, partner_id, outcome, final_premium
from quote_outcomes where quote_id between 1000 and 1019 order by quote_id;

-- name: count_all_quotes
-- kind: scan
-- mixed
select count(*) as quotes from quote_outcomes;

-- name: win_rate_by_network
-- kind: group-by
select network, count(*) as quotes, sum(case when outcome = 'won' then 1 else 0 end) as won,
       cast(sum(case when outcome = 'won' then 1 else 0 end) as double) / count(*) as win_rate
from quote_outcomes group by network order by network;

-- name: monthly_quotes
-- kind: group-by
select extract(year from "date") as y, extract(month from "date") as m, count(*) as quotes,
       count(final_premium) as won
from quote_outcomes
group by extract(year from "date"), extract(month from "date") order by y, m;

-- name: premium_by_region
-- kind: group-by
select region, sum(gross_premium) as gross, sum(giveaway) as giveaway, avg(avg_response_ms) as avg_ms
from partner_metrics group by region order by region;

-- name: renewals_by_product
-- kind: group-by
select product, count(*) as quotes, sum(case when is_renewal then 1 else 0 end) as renewals,
       sum(list_premium) as listed
from quote_outcomes group by product order by product;

-- name: response_percentiles_october
-- kind: percentile
-- mixed
select product, percentile_disc(0.5) within group (order by response_ms) as median_ms,
       percentile_disc(0.95) within group (order by response_ms) as p95_ms
from quote_outcomes where "date" >= date '2026-10-01' group by product order by product;

-- name: giveaway_rate_p90_by_region
-- kind: percentile
select region, percentile_cont(0.9) within group (order by giveaway_rate) as p90_rate,
       count(giveaway_rate) as rated
from partner_metrics where "date" >= date '2026-05-01' group by region order by region;

-- name: commission_owed_june
-- kind: join
select q.partner_id, q.network, sum(q.final_premium * c.commission_rate) as commission, count(*) as won
from quote_outcomes q
join commission_history c
  on c.partner_id = q.partner_id and c.network = q.network
 and q."date" >= c.effective_from and (c.effective_to is null or q."date" <= c.effective_to)
where q.outcome = 'won' and q."date" between date '2026-06-01' and date '2026-06-30'
group by q.partner_id, q.network order by commission desc, q.partner_id, q.network limit 20;

-- name: flat_fees_by_tier
-- kind: join
-- mixed
select c.tier, count(*) as won, sum(coalesce(c.flat_fee, 0)) as fees
from quote_outcomes q
join commission_history c
  on c.partner_id = q.partner_id and c.network = q.network
 and q."date" >= c.effective_from and (c.effective_to is null or q."date" <= c.effective_to)
where q.outcome = 'won' and q."date" >= date '2026-10-01'
group by c.tier order by c.tier;

-- name: top10_partners_q1
-- kind: top-n
select partner_id, sum(final_premium) as premium
from quote_outcomes
where outcome = 'won' and "date" >= date '2026-01-01' and "date" < date '2026-04-01'
group by partner_id order by premium desc, partner_id limit 10;

-- name: largest_giveaways_week
-- kind: top-n
-- mixed
select quote_id, partner_id, product, list_premium, final_premium, giveaway
from quote_outcomes where giveaway is not null and "date" between date '2026-10-25' and date '2026-10-31'
order by giveaway desc, quote_id limit 10;

-- name: customers_by_network_october
-- kind: group-by
select network, count(distinct customer_id) as customers, count(distinct partner_id) as partners
from quote_outcomes where "date" >= date '2026-10-01' group by network order by network;

-- name: current_terms_by_tier
-- kind: group-by
-- mixed
select tier, count(*) as terms, avg(commission_rate) as avg_rate, max(flat_fee) as max_fee
from commission_history where effective_to is null group by tier order by tier;
