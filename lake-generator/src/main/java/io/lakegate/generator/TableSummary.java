package io.lakegate.generator;

/**
 * What was written for one table.
 *
 * @param rows rows written
 * @param files parquet files written
 * @param rowGroups row groups over all files
 * @param bytes size of the files
 */
public record TableSummary(long rows, long files, long rowGroups, long bytes) {
  static final TableSummary EMPTY = new TableSummary(0, 0, 0, 0);

  TableSummary plus(TableSummary other) {
    return new TableSummary(rows + other.rows, files + other.files, rowGroups + other.rowGroups,
        bytes + other.bytes);
  }
}
