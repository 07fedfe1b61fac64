package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes the rows of one partition into {@code part-NNNNN.parquet} files of its Hive-style
 * directory, starting a new file every {@link WriteOptions#rowsPerFile()} rows and a new row group
 * every {@link WriteOptions#rowsPerRowGroup()} rows. Dictionary encoding and statistics are on
 * (parquet-hadoop's defaults), so readers can skip row groups by min/max.
 */
final class PartitionWriter {
  /** Large enough that only the row-count limit ever closes a row group. */
  private static final long ROW_GROUP_BYTES = 512L * 1024 * 1024;
  /**
   * Smaller than parquet's 1 MB default: the writer allocates page-sized buffers for every file,
   * which dominated the time of the many small files of a default lake; 64 KB pages still hold
   * thousands of values and give readers finer page indexes.
   */
  private static final int PAGE_BYTES = 64 * 1024;

  private final WriteOptions options;
  private final Map<String, String> fileMetadata;

  PartitionWriter(WriteOptions options, Map<String, String> fileMetadata) {
    this.options = requireNonNull(options, "options");
    this.fileMetadata = Map.copyOf(fileMetadata);
  }

  /** Writes the partition under {@code lakeRoot}; an empty partition writes nothing at all. */
  <R> TableSummary write(Path lakeRoot, LakePartition<R> partition) throws IOException {
    Iterator<R> rows = partition.rows().get();
    if (!rows.hasNext()) {
      return TableSummary.EMPTY;
    }
    Path directory = HivePaths.partitionDirectory(lakeRoot.resolve(HivePaths.escape(partition.table())),
        partition.column(), partition.value());
    Files.createDirectories(directory);
    TableSummary summary = TableSummary.EMPTY;
    int fileIndex = 0;
    while (rows.hasNext()) {
      Path file = directory.resolve(HivePaths.partFileName(fileIndex++));
      summary = summary.plus(writeFile(file, partition.format(), rows));
    }
    return summary;
  }

  private <R> TableSummary writeFile(Path file, RowFormat<R> format, Iterator<R> rows) throws IOException {
    RowWriteSupport<R> support = new RowWriteSupport<>(format, fileMetadata);
    Builder<R> builder = new Builder<>(new LocalOutputFile(file), support);
    for (String column : format.plainColumns()) {
      builder.withDictionaryEncoding(column, false);
    }
    ParquetWriter<R> writer = builder
        // No defaults resources: parquet needs none of them, and parsing them per file is slow.
        .withConf(new Configuration(false))
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCompressionCodec(options.compression())
        .withRowGroupRowCountLimit(options.rowsPerRowGroup())
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withPageSize(PAGE_BYTES)
        .withDictionaryEncoding(true)
        .withStatisticsEnabled(true)
        .build();
    long count = 0;
    try (writer) {
      while (count < options.rowsPerFile() && rows.hasNext()) {
        writer.write(rows.next());
        count++;
      }
    }
    return new TableSummary(count, 1, writer.getFooter().getBlocks().size(), Files.size(file));
  }

  /** parquet-hadoop's builder, bound to our write support. */
  private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
    private final RowWriteSupport<R> support;

    Builder(OutputFile file, RowWriteSupport<R> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder<R> self() {
      return this;
    }

    // Still abstract in parquet-hadoop 1.18, so it must be implemented though deprecated.
    @SuppressWarnings("deprecation")
    @Override
    protected WriteSupport<R> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<R> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
