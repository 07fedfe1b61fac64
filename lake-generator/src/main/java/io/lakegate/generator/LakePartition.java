package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * One partition of one table, as the writer sees it: where it goes and how to produce its rows
 * (lazily, so that only partitions being written hold any state).
 *
 * @param table table name, also its directory under the lake root
 * @param column the partition column, the directory name's key
 * @param value the partition value, the directory name's value
 * @param format how its rows are written
 * @param rows a fresh iterator over its rows on each call
 * @param <R> the row type
 */
record LakePartition<R>(String table, String column, String value, RowFormat<R> format,
    Supplier<Iterator<R>> rows) {
  LakePartition {
    requireNonNull(table, "table");
    requireNonNull(column, "column");
    requireNonNull(value, "value");
    requireNonNull(format, "format");
    requireNonNull(rows, "rows");
  }
}
