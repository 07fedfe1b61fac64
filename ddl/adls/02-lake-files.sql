-- lakegate on ADLS Gen2: the parquet files as AzureBlobStorage tables, one per declared table.
--
-- Credentials and the container come from the named collection `lakegate_adls`, defined in the
-- server configuration (ddl/adls/lakegate-adls.xml, a config.d file) from environment variables;
-- nothing secret is in this file. blob_path is relative to the container: the lake root must be the
-- container's root, or prefix the paths below with the lake's directory.
-- Columns are those of ddl/nfs/02-lake-files.sql (model.json's types); keep the two files in step.

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
ENGINE = AzureBlobStorage(lakegate_adls, blob_path = 'partner_metrics/date=*/*.parquet', format = 'Parquet');

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
ENGINE = AzureBlobStorage(lakegate_adls, blob_path = 'quote_outcomes/date=*/*.parquet', format = 'Parquet');

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
ENGINE = AzureBlobStorage(lakegate_adls, blob_path = 'commission_history/partner_id=*/*.parquet', format = 'Parquet');
