-- lakegate: the three tables the gateway queries, with model.json's columns in model.json's order.
--
-- The Hive partition column comes from the file's path (_path, a virtual column of every File table
-- on 24.8 and 26.5), parsed strictly: a path without it fails the query instead of reading 1970-01-01.
-- A filter on it prunes files before any is opened (ClickHouse filters the file list by _path).
-- Views run with the querying user's rights (SQL SECURITY INVOKER, the default): that user needs
-- SELECT on analytics.* and lake.* and nothing else (see ddl/users/lakegate.xml).

CREATE VIEW IF NOT EXISTS analytics.partner_metrics AS
SELECT
    CAST(extract(_path, '/date=([0-9]{4}-[0-9]{2}-[0-9]{2})/') AS Date32) AS date,
    partner_id, network, region, quotes_requested, quotes_won, gross_premium, giveaway, giveaway_rate,
    avg_response_ms, p95_response_ms, is_partner_active, loaded_at
FROM lake.partner_metrics;

CREATE VIEW IF NOT EXISTS analytics.quote_outcomes AS
SELECT
    CAST(extract(_path, '/date=([0-9]{4}-[0-9]{2}-[0-9]{2})/') AS Date32) AS date,
    quote_id, partner_id, network, product, outcome, quoted_at, decided_at, list_premium, final_premium,
    giveaway, risk_score, customer_id, is_renewal, response_ms
FROM lake.quote_outcomes;

CREATE VIEW IF NOT EXISTS analytics.commission_history AS
SELECT
    CAST(extract(_path, '/partner_id=([0-9]+)/') AS Int32) AS partner_id,
    network, effective_from, effective_to, commission_rate, flat_fee, tier, changed_at, changed_by
FROM lake.commission_history;
