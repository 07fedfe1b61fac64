package io.lakegate.generator;

import java.util.Set;

import org.apache.parquet.schema.MessageType;

/**
 * How the rows of one lake table become parquet records: the file schema (every column except
 * the partition column, which lives in the directory name) and the writing of one row.
 *
 * @param <R> the row type
 */
interface RowFormat<R> {
  /** The schema of the table's files. */
  MessageType schema();

  /**
   * Columns whose values are (nearly) all distinct, written without a dictionary: a dictionary
   * there only costs time (the writer builds it, then falls back) and space.
   */
  Set<String> plainColumns();

  /** Writes one row as one record; {@code fields} is bound to {@link #schema()}. */
  void write(RecordFields fields, R row);
}
