-- Parquet fixtures written by DuckDB 1.4.4 (org.duckdb:duckdb_jdbc 1.4.4.0, the test dependency), run from this
-- folder with: jshell --class-path <duckdb_jdbc jar> and
--   DriverManager.getConnection("jdbc:duckdb:").createStatement().execute(<this file's text>)
-- duckdb-orders.parquet: a flat table with text, a date, a UTC timestamp, a decimal, a double and missing values,
-- ZSTD-compressed, version 2 data pages. Its CSV twin is duckdb-orders.csv.
-- duckdb-nested.parquet: a STRUCT and a LIST column beside a flat one, which Assay refuses naming them.
SET TimeZone = 'UTC';
COPY (SELECT * FROM (VALUES
    (1001, 'Zoë Ångström', DATE '2024-01-31', TIMESTAMPTZ '2024-02-01 09:15:00+00', 19.98::DECIMAL(10,2), 2, true),
    (1002, 'René Müller', DATE '2024-02-29', TIMESTAMPTZ '2024-03-01 17:00:30+00', 120.00::DECIMAL(10,2), 1, false),
    (1003, NULL, DATE '2024-03-01', NULL, 2.50::DECIMAL(10,2), 5, true),
    (1004, 'Jürgen, "JJ" Koch', NULL, TIMESTAMPTZ '2024-03-02 00:00:00+00', NULL, NULL, NULL))
  AS t("order", customer, placed, shipped_at, total, qty, paid))
  TO 'duckdb-orders.parquet' (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2);
COPY (SELECT 1 AS id, {'street': 'Rue du Port 3', 'city': 'Besançon'} AS address, ['new', 'sale'] AS tags)
  TO 'duckdb-nested.parquet' (FORMAT parquet);
