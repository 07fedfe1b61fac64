package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport.ReadContext;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the chosen row groups of one open parquet file, row by row, with the footer kept from
 * startup (the file is not asked for it again). Row-group selection happened before opening;
 * parquet's own record-level, dictionary and column-index filters stay off (see PITFALLS), so
 * every row of a selected row group is returned and Calcite applies the full condition.
 */
final class FileRowReader implements AutoCloseable {
  private final ParquetFileReader reader;
  private final MessageColumnIO columnIO;
  private final RecordMaterializer<Object[]> materializer;
  private final ScanRecorder metrics;
  private final String table;
  private final List<String> columns;
  private PageReadStore rowGroup;
  private RecordReader<Object[]> records;
  private long remainingInRowGroup;
  private Object[] current;

  private FileRowReader(ParquetFileReader reader, MessageColumnIO columnIO, RecordMaterializer<Object[]> materializer,
      ScanRecorder metrics, String table, List<String> columns) {
    this.reader = reader;
    this.columnIO = columnIO;
    this.materializer = materializer;
    this.metrics = metrics;
    this.table = table;
    this.columns = columns;
  }

  /** Opens {@code file} to read {@code rowGroups} (a non-empty subset of its row groups, in file order). */
  static FileRowReader open(LakeFile file, List<BlockMetaData> rowGroups, Configuration conf, RowLayout layout,
      Object[] template, ScanRecorder metrics, String table) throws IOException {
    requireNonNull(file, "file");
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
    ParquetMetadata footer = new ParquetMetadata(file.footer().getFileMetaData(), rowGroups);
    MessageType fileSchema = footer.getFileMetaData().getSchema();
    Map<String, String> keyValues = footer.getFileMetaData().getKeyValueMetaData();

    LakeReadSupport readSupport = new LakeReadSupport(layout, template);
    ReadContext context = readSupport.init(new InitContext(conf, toSetValued(keyValues), fileSchema));
    MessageType requested = context.getRequestedSchema();
    RecordMaterializer<Object[]> materializer = readSupport.prepareForRead(conf, keyValues, fileSchema, context);
    MessageColumnIO columnIO = new ColumnIOFactory(footer.getFileMetaData().getCreatedBy())
        .getColumnIO(requested, fileSchema, true);

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
    return new FileRowReader(reader, columnIO, materializer, metrics, table, layout.fileColumnNames());
  }

  private static Map<String, Set<String>> toSetValued(Map<String, String> keyValues) {
    Map<String, Set<String>> out = new HashMap<>();
    keyValues.forEach((k, v) -> out.put(k, Set.of(v)));
    return out;
  }

  /** Advances to the next row; false at the end of the last selected row group. */
  boolean next() throws IOException {
    while (remainingInRowGroup == 0) {
      if (rowGroup != null) {
        rowGroup.close();
        rowGroup = null;
      }
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        return false;
      }
      rowGroup = pages;
      metrics.rowGroupRead(table, columns);
      remainingInRowGroup = pages.getRowCount();
      records = columnIO.getRecordReader(pages, materializer, FilterCompat.NOOP);
    }
    remainingInRowGroup--;
    current = records.read();
    return true;
  }

  /** Whether the current row group is exhausted (a cheap point to check for cancellation). */
  boolean atRowGroupBoundary() {
    return remainingInRowGroup == 0;
  }

  Object[] current() {
    return current;
  }

  @Override
  public void close() throws IOException {
    try {
      if (rowGroup != null) {
        rowGroup.close();
        rowGroup = null;
      }
    } finally {
      reader.close();
    }
  }
}
