/**
 * The lake adapter: Calcite reads the parquet lake directly (the gateway's fallback path).
 *
 * <p>Shape, as in Calcite's own adapters: {@link io.lakegate.lake.LakeSchemaFactory} (named in
 * model.json) opens a {@link io.lakegate.lake.LakeSchema}, which lists the lake and checks every
 * footer at start; each declared table is a {@code LakeTable} whose {@code toRel} gives a logical
 * {@link io.lakegate.lake.LakeTableScan}; {@link io.lakegate.lake.LakeRules} push projections,
 * aggregates' column needs and filters into it and implement it as an
 * {@link io.lakegate.lake.EnumerableLakeTableScan}, whose generated code asks a
 * {@link io.lakegate.lake.LakeQuery} for rows; {@code LakeEnumerator} streams them file by file,
 * each row group read column by column with parquet's {@code ColumnReader}s. {@link io.lakegate.lake.ScanMetrics}
 * counts what the scans did, and {@link io.lakegate.lake.ScanScope} what one query's scans did.
 */
package io.lakegate.lake;
