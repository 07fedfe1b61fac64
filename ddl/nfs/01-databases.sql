-- lakegate: the two databases (ClickHouse 24.8+; the test engine runs this file unchanged).
--   lake       the parquet files as File(Parquet) tables, one per declared table
--   analytics  the tables the gateway queries: views over lake.*, adding the Hive partition column
CREATE DATABASE IF NOT EXISTS lake;
CREATE DATABASE IF NOT EXISTS analytics;
