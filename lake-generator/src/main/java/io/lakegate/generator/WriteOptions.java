package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.util.Set;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How a lake is laid out on disk; none of it changes the rows.
 *
 * @param threads partitions written in parallel
 * @param compression parquet page compression: SNAPPY (default), ZSTD, GZIP or UNCOMPRESSED
 * @param rowsPerFile a partition with more rows is split into {@code part-00000}, {@code part-00001}, ...
 * @param rowsPerRowGroup a file with more rows gets several row groups
 * @param force write even into a non-empty directory that is not a previous lake (only the lake's own
 *     entries are replaced there; other files are left alone)
 */
public record WriteOptions(int threads, CompressionCodecName compression, int rowsPerFile, int rowsPerRowGroup,
    boolean force) {

  /** Default rows per file: a partition splits only at lakes of ~50M rows and more. */
  public static final int DEFAULT_ROWS_PER_FILE = 100_000;
  /** Default rows per row group: a full file has four, so row-group skipping has something to skip. */
  public static final int DEFAULT_ROWS_PER_ROW_GROUP = 25_000;
  /** Codecs every reader of the lake (ClickHouse, parquet-hadoop) handles without native setup. */
  public static final Set<CompressionCodecName> SUPPORTED_COMPRESSION = Set.of(CompressionCodecName.SNAPPY,
      CompressionCodecName.ZSTD, CompressionCodecName.GZIP, CompressionCodecName.UNCOMPRESSED);

  public WriteOptions {
    requireNonNull(compression, "compression");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (!SUPPORTED_COMPRESSION.contains(compression)) {
      throw new IllegalArgumentException("compression " + compression + " is not supported; use one of "
          + SUPPORTED_COMPRESSION);
    }
    if (rowsPerFile < 1 || rowsPerRowGroup < 1) {
      throw new IllegalArgumentException("rowsPerFile and rowsPerRowGroup must be positive, got "
          + rowsPerFile + " and " + rowsPerRowGroup);
    }
  }

  /** SNAPPY, one thread per processor, default file and row-group sizes, no force. */
  public static WriteOptions defaults() {
    return new WriteOptions(Runtime.getRuntime().availableProcessors(), CompressionCodecName.SNAPPY,
        DEFAULT_ROWS_PER_FILE, DEFAULT_ROWS_PER_ROW_GROUP, false);
  }

  public WriteOptions withThreads(int value) {
    return new WriteOptions(value, compression, rowsPerFile, rowsPerRowGroup, force);
  }

  public WriteOptions withCompression(CompressionCodecName value) {
    return new WriteOptions(threads, value, rowsPerFile, rowsPerRowGroup, force);
  }

  public WriteOptions withRowsPerFile(int value) {
    return new WriteOptions(threads, compression, value, rowsPerRowGroup, force);
  }

  public WriteOptions withRowsPerRowGroup(int value) {
    return new WriteOptions(threads, compression, rowsPerFile, value, force);
  }

  public WriteOptions withForce(boolean value) {
    return new WriteOptions(threads, compression, rowsPerFile, rowsPerRowGroup, value);
  }
}
