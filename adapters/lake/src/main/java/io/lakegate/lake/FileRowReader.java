package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the chosen row groups of one open parquet file, a row group at a time, with the footer
 * kept from startup (the file is not asked for it again); the rows of each row group come from
 * {@link RowGroupRows}. Row-group selection happened before opening; parquet's own record-level,
 * dictionary and column-index filters stay off (see PITFALLS), so every row of a selected row
 * group is returned and Calcite applies the full condition.
 */
final class FileRowReader implements AutoCloseable {
  private final ParquetFileReader reader;
  private final MessageType requested;
  private final String createdBy;
  private final RowLayout layout;
  private final Object[] template;
  private final ScanRecorder metrics;
  private final String table;
  private final List<String> columns;
  private PageReadStore rowGroup;
  private RowGroupRows rows;
  private long remainingInRowGroup;
  private Object[] current;

  private FileRowReader(ParquetFileReader reader, MessageType requested, String createdBy, RowLayout layout,
      Object[] template, ScanRecorder metrics, String table) {
    this.reader = reader;
    this.requested = requested;
    this.createdBy = createdBy;
    this.layout = layout;
    this.template = template;
    this.metrics = metrics;
    this.table = table;
    this.columns = layout.fileColumnNames();
  }

  /** Opens {@code file} to read {@code rowGroups} (a non-empty subset of its row groups, in file order). */
  static FileRowReader open(LakeFile file, List<BlockMetaData> rowGroups, Configuration conf, RowLayout layout,
      Object[] template, ScanRecorder metrics, String table) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(layout, "layout");
    requireNonNull(template, "template");
    FileStatus status = new FileStatus(file.length(), false, 0, 0, 0, file.path());
    HadoopInputFile input = HadoopInputFile.fromStatus(status, conf);
    ParquetReadOptions options = HadoopReadOptions.builder(conf, file.path())
        .useStatsFilter(false)
        .useDictionaryFilter(false)
        .useRecordFilter(false)
        .useColumnIndexFilter(false)
        .useBloomFilter(false)
        .withRecordFilter(FilterCompat.NOOP)
        .build();
    FileMetaData fileMetaData = file.footer().getFileMetaData();
    ParquetMetadata footer = new ParquetMetadata(fileMetaData, rowGroups);
    MessageType requested = layout.requestedSchema(fileMetaData.getSchema());

    SeekableInputStream stream = input.newStream();
    ParquetFileReader reader;
    try {
      reader = new ParquetFileReader(input, footer, options, stream);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
    reader.setRequestedSchema(requested);
    metrics.fileOpened();
    return new FileRowReader(reader, requested, fileMetaData.getCreatedBy(), layout, template, metrics, table);
  }

  /** Advances to the next row; false at the end of the last selected row group. */
  boolean next() throws IOException {
    while (remainingInRowGroup == 0) {
      closeRowGroup();
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        return false;
      }
      rowGroup = pages;
      metrics.rowGroupRead(table, columns);
      remainingInRowGroup = pages.getRowCount();
      if (remainingInRowGroup > 0) {
        rows = new RowGroupRows(pages, requested, createdBy, layout, template);
      }
    }
    remainingInRowGroup--;
    current = rows.next();
    return true;
  }

  /** Whether the current row group is exhausted (a cheap point to check for cancellation). */
  boolean atRowGroupBoundary() {
    return remainingInRowGroup == 0;
  }

  Object[] current() {
    return current;
  }

  private void closeRowGroup() {
    rows = null;
    if (rowGroup != null) {
      PageReadStore closing = rowGroup;
      rowGroup = null;
      closing.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      closeRowGroup();
    } finally {
      reader.close();
    }
  }
}
