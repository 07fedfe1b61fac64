-- lakegate: the parquet files on the NFS lake, one File(Parquet) table per declared table.
--
-- The lake is bind-mounted read-only at /var/lib/clickhouse/user_files/lake (a server reads files
-- only under user_files_path); tests replace that path with their generated lake's.
-- The globs cover the Hive partition directories (date=YYYY-MM-DD/, partner_id=N/); the partition
-- columns are not in the files: the views of 03-analytics-views.sql derive them from _path.
-- Column types are model.json's (see ddl/README.md); Nullable exactly where model.json says nullable.

CREATE TABLE IF NOT EXISTS lake.partner_metrics
(
    partner_id         Int32,
    network            String,
    region             String,
    quotes_requested   Int64,
    quotes_won         Int32,
    gross_premium      Decimal(18, 2),
    giveaway           Decimal(18, 2),
    giveaway_rate      Nullable(Float64),
    avg_response_ms    Nullable(Float64),
    p95_response_ms    Nullable(Int32),
    is_partner_active  Bool,
    loaded_at          DateTime64(3, 'UTC')
)
ENGINE = File(Parquet, '/var/lib/clickhouse/user_files/lake/partner_metrics/date=*/*.parquet');

CREATE TABLE IF NOT EXISTS lake.quote_outcomes
(
    quote_id           Int64,
    partner_id         Int32,
    network            String,
    product            String,
    outcome            String,
    quoted_at          DateTime64(3, 'UTC'),
    decided_at         Nullable(DateTime64(3, 'UTC')),
    list_premium       Decimal(12, 2),
    final_premium      Nullable(Decimal(12, 2)),
    giveaway           Nullable(Decimal(12, 2)),
    risk_score         Nullable(Float64),
    customer_id        Nullable(String),
    is_renewal         Bool,
    response_ms        Int32
)
ENGINE = File(Parquet, '/var/lib/clickhouse/user_files/lake/quote_outcomes/date=*/*.parquet');

CREATE TABLE IF NOT EXISTS lake.commission_history
(
    network            String,
    effective_from     Date32,
    effective_to       Nullable(Date32),
    commission_rate    Decimal(6, 4),
    flat_fee           Nullable(Decimal(10, 2)),
    tier               String,
    changed_at         DateTime64(3, 'UTC'),
    changed_by         Nullable(String)
)
ENGINE = File(Parquet, '/var/lib/clickhouse/user_files/lake/commission_history/partner_id=*/*.parquet');
