-- The agent-style analytical corpus: questions analysts and LLM agents ask of the lake.
-- Every query runs on every backend (AnalystCorpusLakeIT on the lake path, AnalystCorpusBackendsSuite
-- on ClickHouse and the lake side by side) and must give the same rows. One query per block; a block
-- starts with "-- name: <id>" and may say "-- ordered" when its ORDER BY fixes the row order completely.
-- Every answer must be deterministic: the gateway adds LIMIT 100 to a query without a limit, so a
-- query that can return more than 100 rows needs an ORDER BY on a unique key (or must aggregate to
-- fewer rows), and every ORDER BY with a LIMIT, and every ORDER BY of a ranking window, ends with a
-- unique key so that ties cannot pick different rows on different backends.
-- Queries ClickHouse does not receive as one whole statement are listed in pushdown-exceptions.tsv.

-- name: giveaway_p90_partner_network_6m
-- ordered
select network, percentile_cont(0.9) within group (order by giveaway) as p90_giveaway, count(*) as won
from quote_outcomes
where partner_id = (select partner_id from quote_outcomes group by partner_id order by count(*) desc, partner_id
                    fetch first 1 row only)
  and outcome = 'won' and "date" > date '2026-10-31' - interval '6' month
group by network order by network;

-- name: win_rate_by_network
-- ordered
select network, count(*) as quotes,
       sum(case when outcome = 'won' then 1 else 0 end) as won,
       cast(sum(case when outcome = 'won' then 1 else 0 end) as double) / count(*) as win_rate
from quote_outcomes group by network order by network;

-- name: top10_partners_by_premium_q1
-- ordered
select partner_id, sum(final_premium) as premium
from quote_outcomes
where outcome = 'won' and "date" >= date '2026-01-01' and "date" < date '2026-04-01'
group by partner_id order by premium desc, partner_id fetch first 10 rows only;

-- name: monthly_quotes_and_wins
-- ordered
select extract(year from "date") as y, extract(month from "date") as m, count(*) as quotes,
       count(final_premium) as won
from quote_outcomes
group by extract(year from "date"), extract(month from "date") order by y, m;

-- name: month_over_month_premium
-- ordered
with monthly as (
  select floor("date" to month) as month_start, sum(final_premium) as premium
  from quote_outcomes where outcome = 'won' group by floor("date" to month))
select month_start, premium, lag(premium) over (order by month_start) as previous,
       premium - lag(premium) over (order by month_start) as change
from monthly order by month_start;

-- name: top3_partners_per_network
-- ordered
with ranked as (
  select network, partner_id, sum(final_premium) as premium,
         row_number() over (partition by network order by sum(final_premium) desc, partner_id) as rn
  from quote_outcomes where outcome = 'won' and "date" between date '2026-06-01' and date '2026-06-30'
  group by network, partner_id)
select network, partner_id, premium, rn from ranked where rn <= 3 order by network, rn;

-- name: commission_owed_june
-- ordered
select q.partner_id, q.network, sum(q.final_premium * c.commission_rate) as commission, count(*) as won
from quote_outcomes q
join commission_history c
  on c.partner_id = q.partner_id and c.network = q.network
 and q."date" >= c.effective_from and (c.effective_to is null or q."date" <= c.effective_to)
where q.outcome = 'won' and q."date" between date '2026-06-01' and date '2026-06-30'
group by q.partner_id, q.network
order by commission desc, q.partner_id, q.network fetch first 25 rows only;

-- name: flat_fees_owed_by_tier
-- ordered
select c.tier, count(*) as won, sum(coalesce(c.flat_fee, 0)) as fees
from quote_outcomes q
join commission_history c
  on c.partner_id = q.partner_id and c.network = q.network
 and q."date" >= c.effective_from and (c.effective_to is null or q."date" <= c.effective_to)
where q.outcome = 'won' and q."date" >= date '2026-09-01'
group by c.tier order by c.tier;

-- name: current_terms_per_partner
select partner_id, network, commission_rate, flat_fee, tier
from commission_history where effective_to is null and partner_id <= 20;

-- name: terms_length_days_by_tier
-- ordered
select tier, count(*) as closed_terms,
       avg(timestampdiff(day, effective_from, effective_to)) as avg_days,
       max(timestampdiff(day, effective_from, effective_to)) as longest_days
from commission_history where effective_to is not null group by tier order by tier;

-- name: rate_changes_per_partner
-- ordered
select partner_id, count(*) as changes, min(effective_from) as first_terms, max(effective_from) as latest_terms
from commission_history group by partner_id having count(*) >= 6 order by changes desc, partner_id;

-- name: median_response_by_product
-- ordered
select product, percentile_disc(0.5) within group (order by response_ms) as median_ms,
       percentile_disc(0.95) within group (order by response_ms) as p95_ms
from quote_outcomes where "date" >= date '2026-10-01' group by product order by product;

-- name: error_rate_api_daily
-- ordered
select "date", count(*) as quotes, sum(case when outcome = 'error' then 1 else 0 end) as errors
from quote_outcomes where network = 'api' and "date" between date '2026-02-25' and date '2026-03-05'
group by "date" order by "date";

-- name: timeouts_30s
-- ordered
select partner_id, count(*) as timeouts from quote_outcomes
where response_ms = 30000 group by partner_id order by timeouts desc, partner_id fetch first 5 rows only;

-- name: decision_delay_hours_by_outcome
-- ordered
select outcome, avg(cast(timestampdiff(minute, quoted_at, decided_at) as double)) / 60 as avg_hours,
       count(decided_at) as decided
from quote_outcomes where "date" between date '2026-04-01' and date '2026-04-07'
group by outcome order by outcome;

-- name: quotes_without_decision
-- ordered
select outcome, count(*) as n from quote_outcomes where decided_at is null group by outcome order by outcome;

-- name: risk_buckets_with_nulls
-- ordered
select case when risk_score is null then 'unscored' when risk_score < 0.25 then 'low'
            when risk_score < 0.6 then 'medium' else 'high' end as bucket,
       count(*) as quotes, count(final_premium) as won
from quote_outcomes where "date" between date '2025-12-01' and date '2025-12-31'
group by case when risk_score is null then 'unscored' when risk_score < 0.25 then 'low'
              when risk_score < 0.6 then 'medium' else 'high' end
order by bucket;

-- name: distinct_customers_per_month
-- ordered
select floor("date" to month) as month_start, count(distinct customer_id) as customers
from quote_outcomes where "date" >= date '2026-01-01' group by floor("date" to month) order by month_start;

-- name: renewal_share_by_product
-- ordered
select product, count(*) as quotes, sum(case when is_renewal then 1 else 0 end) as renewals
from quote_outcomes group by product order by product;

-- name: anonymous_quotes
select network, count(*) as anonymous from quote_outcomes where customer_id is null and "date" = date '2026-03-10'
group by network;

-- name: partner_metrics_giveaway_rate_p90
-- ordered
select region, percentile_cont(0.9) within group (order by giveaway_rate) as p90_rate,
       count(giveaway_rate) as rated, count(*) as rows_seen
from partner_metrics where "date" >= date '2026-05-01' group by region order by region;

-- name: giveaway_share_by_network_q3
-- ordered
select network, sum(giveaway) as giveaway, sum(list_premium) as listed,
       sum(giveaway) / sum(list_premium) as giveaway_share
from quote_outcomes where outcome = 'won' and "date" between date '2026-07-01' and date '2026-09-30'
group by network order by network;

-- name: avg_risk_rounded_by_product
-- ordered
select product, round(avg(risk_score), 3) as avg_risk, count(risk_score) as scored, count(*) as quotes
from quote_outcomes where "date" >= date '2026-09-01' group by product order by product;

-- name: gross_vs_giveaway_by_region_year_end
-- ordered
select region, sum(gross_premium) as gross, sum(giveaway) as giveaway
from partner_metrics where "date" between date '2025-12-20' and date '2026-01-10'
group by region order by region;

-- name: daily_requests_running_total
-- ordered
select "date", sum(quotes_requested) as requested,
       sum(sum(quotes_requested)) over (order by "date" rows between unbounded preceding and current row) as running_total
from partner_metrics where partner_id = (select min(partner_id) from commission_history where tier = 'platinum')
  and "date" between date '2026-02-01' and date '2026-03-15'
group by "date" order by "date";

-- name: seven_day_moving_average
-- ordered
select "date", requested,
       avg(cast(requested as double)) over (order by "date" rows between 6 preceding and current row) as ma7
from (select "date", sum(quotes_requested) as requested from partner_metrics
      where "date" between date '2026-07-01' and date '2026-08-15' group by "date")
order by "date";

-- name: top_partner_network_labels_june
-- ordered
select cast(partner_id as varchar) || '/' || network as partner_network, sum(quotes_won) as won
from partner_metrics where "date" between date '2026-06-01' and date '2026-06-30'
group by cast(partner_id as varchar) || '/' || network
order by won desc, partner_network fetch first 10 rows only;

-- name: inactive_partner_days
-- ordered
select partner_id, count(*) as inactive_days, min("date") as first_day, max("date") as last_day
from partner_metrics where not is_partner_active group by partner_id order by partner_id;

-- name: telemetry_gaps
-- ordered
select network, count(*) - count(avg_response_ms) as missing, count(*) as total
from partner_metrics group by network order by network;

-- name: slowest_partners_p95
-- ordered
select partner_id, max(p95_response_ms) as worst_p95, avg(avg_response_ms) as mean_avg
from partner_metrics where "date" >= date '2026-10-01' and avg_response_ms is not null
group by partner_id order by worst_p95 desc, partner_id fetch first 10 rows only;

-- name: metrics_vs_quotes_reconciliation
-- ordered
with m as (select "date", sum(quotes_requested) as requested from partner_metrics
           where "date" between date '2026-05-01' and date '2026-05-07' group by "date"),
     q as (select "date", count(*) as quoted from quote_outcomes
           where "date" between date '2026-05-01' and date '2026-05-07' group by "date")
select m."date", m.requested, q.quoted from m join q on m."date" = q."date" order by m."date";

-- name: partners_above_average_wins
-- ordered
select partner_id, count(*) as won from quote_outcomes where outcome = 'won'
group by partner_id
having count(*) > (select avg(cast(n as double)) from
                   (select count(*) as n from quote_outcomes where outcome = 'won' group by partner_id))
order by partner_id;

-- name: partners_without_current_terms
-- ordered
select count(*) as quotes, count(distinct q.partner_id) as partners from quote_outcomes q
where q."date" >= date '2026-10-01'
  and not exists (select 1 from commission_history c where c.partner_id = q.partner_id
                  and c.network = q.network and c.effective_to is null);

-- name: partners_in_platinum
-- ordered
select count(*) as quotes, sum(final_premium) as premium from quote_outcomes
where partner_id in (select partner_id from commission_history where tier = 'platinum')
  and "date" >= date '2026-10-01';

-- name: left_join_partners_without_quotes_today
-- ordered
select m.partner_id, m.network, count(q.quote_id) as quotes
from partner_metrics m
left join quote_outcomes q on q.partner_id = m.partner_id and q.network = m.network and q."date" = m."date"
where m."date" = date '2026-08-12' and m.partner_id between 100 and 130
group by m.partner_id, m.network order by m.partner_id, m.network;

-- name: dense_rank_products_by_giveaway
-- ordered
select product, total_giveaway, dense_rank() over (order by total_giveaway desc) as rnk
from (select product, sum(giveaway) as total_giveaway from quote_outcomes
      where "date" between date '2026-03-01' and date '2026-03-31' group by product)
order by rnk, product;

-- name: ntile_partners_by_volume
-- ordered
select partner_id, quotes, ntile(4) over (order by quotes desc, partner_id) as quartile
from (select partner_id, count(*) as quotes from quote_outcomes where "date" = date '2026-09-15' group by partner_id)
order by quartile, quotes desc, partner_id;

-- name: first_and_last_quote_of_day
-- ordered
select network, min(quoted_at) as first_quote, max(quoted_at) as last_quote
from quote_outcomes where "date" = date '2026-01-01' group by network order by network;

-- name: hourly_profile
-- ordered
select extract(hour from quoted_at) as hour_utc, count(*) as quotes
from quote_outcomes where "date" between date '2026-06-08' and date '2026-06-12'
group by extract(hour from quoted_at) order by hour_utc;

-- name: weekday_profile
-- ordered
select extract(dow from "date") as dow, count(*) as quotes
from quote_outcomes where "date" between date '2026-01-05' and date '2026-02-01'
group by extract(dow from "date") order by dow;

-- name: quarter_totals
-- ordered
select extract(year from "date") as y, extract(quarter from "date") as q, sum(list_premium) as listed
from quote_outcomes group by extract(year from "date"), extract(quarter from "date") order by y, q;

-- name: premium_ranges_decimals
-- ordered
select product, min(list_premium) as min_list, max(list_premium) as max_list,
       sum(list_premium) as total_list, sum(final_premium) as total_final
from quote_outcomes where "date" between date '2025-05-01' and date '2025-05-31'
group by product order by product;

-- name: largest_giveaways
-- ordered
select quote_id, partner_id, product, list_premium, final_premium, giveaway
from quote_outcomes where giveaway is not null and "date" between date '2026-10-25' and date '2026-10-31'
order by giveaway desc, quote_id fetch first 10 rows only;

-- name: nulls_ordering_last
-- ordered
select quote_id, risk_score from quote_outcomes where "date" = date '2026-02-16' 
order by risk_score desc nulls last, quote_id fetch first 20 rows only;

-- name: nulls_ordering_first
-- ordered
select quote_id, customer_id from quote_outcomes where "date" = date '2026-02-16' 
order by customer_id nulls first, quote_id fetch first 20 rows only;

-- name: offset_paging
-- ordered
select quote_id, outcome from quote_outcomes where "date" = date '2026-07-04'
order by quote_id offset 10 rows fetch next 10 rows only;

-- name: count_distinct_several
-- ordered
select network, count(distinct partner_id) as partners, count(distinct product) as products,
       count(distinct customer_id) as customers
from quote_outcomes where "date" >= date '2026-10-01' group by network order by network;

-- name: union_of_sources
-- ordered
select 'metrics' as source, count(*) as n from partner_metrics where "date" = date '2026-04-01'
union all
select 'quotes', count(*) from quote_outcomes where "date" = date '2026-04-01'
order by source;

-- name: conversion_funnel_by_product_network
select product, network, count(*) as quotes,
       sum(case when outcome in ('won', 'lost', 'declined') then 1 else 0 end) as decided,
       sum(case when outcome = 'won' then 1 else 0 end) as won
from quote_outcomes where "date" between date '2026-09-01' and date '2026-09-30'
group by product, network;

-- name: stddev_of_list_premium
-- ordered
select product, stddev_samp(cast(list_premium as double)) as sd, avg(cast(list_premium as double)) as mean
from quote_outcomes where "date" between date '2026-08-01' and date '2026-08-31' group by product order by product;

-- name: percent_rank_of_partner_volume
-- ordered
select partner_id, quotes, percent_rank() over (order by quotes, partner_id) as pr
from (select partner_id, count(*) as quotes from quote_outcomes where "date" = date '2026-05-20' group by partner_id)
order by partner_id;

-- name: cross_month_date_range
-- ordered
select "date", count(*) as quotes from quote_outcomes
where "date" between date '2026-01-29' and date '2026-02-03' group by "date" order by "date";

-- name: timestamp_window_new_year
select network, count(*) as quotes from quote_outcomes
where quoted_at >= timestamp '2025-12-31 20:00:00' and quoted_at < timestamp '2026-01-01 04:00:00'
group by network;
