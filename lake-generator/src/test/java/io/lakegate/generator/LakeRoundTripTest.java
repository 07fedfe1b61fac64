package io.lakegate.generator;

import static io.lakegate.generator.RowAssertions.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a small lake with tiny file and row-group limits (so partitions split into several
 * files and files into several row groups), reads every file back with parquet-hadoop's own
 * reader, and compares with the row API.
 */
class LakeRoundTripTest {
  private static final int ROWS_PER_FILE = 20;
  private static final int ROWS_PER_ROW_GROUP = 8;

  @TempDir
  static Path root;
  static SampleLake lake;
  static LakeSummary summary;

  @BeforeAll
  static void writeLake() throws IOException {
    lake = SampleLake.builder().seed(42).rows(20_000).build();
    summary = lake.write(root, WriteOptions.defaults().withThreads(2).withRowsPerFile(ROWS_PER_FILE)
        .withRowsPerRowGroup(ROWS_PER_ROW_GROUP));
  }

  @Test
  void quoteOutcomesReadBackEqualTheRowApi() throws IOException {
    List<List<Object>> read = readTable(SampleLake.QUOTE_OUTCOMES, LocalDate::parse);
    List<List<Object>> expected = lake.quoteOutcomes().map(QuoteOutcomeRow::values).toList();
    assertSameRows(expected, read, SampleLake.QUOTE_OUTCOMES);
    assertEquals(expected.size(), summary.table(SampleLake.QUOTE_OUTCOMES).rows());
  }

  @Test
  void partnerMetricsReadBackEqualTheRowApi() throws IOException {
    List<List<Object>> read = readTable(SampleLake.PARTNER_METRICS, LocalDate::parse);
    assertSameRows(lake.partnerMetrics().map(PartnerMetricsRow::values).toList(), read, SampleLake.PARTNER_METRICS);
  }

  @Test
  void commissionHistoryReadsBackEqualTheRowApi() throws IOException {
    List<List<Object>> read = readTable(SampleLake.COMMISSION_HISTORY, Integer::valueOf);
    assertSameRows(lake.commissionHistory().map(CommissionHistoryRow::values).toList(), read,
        SampleLake.COMMISSION_HISTORY);
  }

  @Test
  void largePartitionsSplitIntoFilesAndRowGroups() throws IOException {
    long multiFilePartitions = 0;
    long files = 0;
    long rowGroups = 0;
    for (Path partition : LakeFiles.partitions(root, SampleLake.QUOTE_OUTCOMES)) {
      List<Path> parts = LakeFiles.files(partition);
      long rows = lake.quoteOutcomes(LocalDate.parse(LakeFiles.partitionValue(partition))).count();
      assertEquals((rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE, parts.size(), partition.toString());
      if (parts.size() > 1) {
        multiFilePartitions++;
      }
      for (int i = 0; i < parts.size(); i++) {
        assertEquals(HivePaths.partFileName(i), parts.get(i).getFileName().toString());
        ParquetMetadata footer = ParquetRows.footer(parts.get(i));
        long fileRows = footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
        assertTrue(fileRows <= ROWS_PER_FILE);
        assertEquals((fileRows + ROWS_PER_ROW_GROUP - 1) / ROWS_PER_ROW_GROUP, footer.getBlocks().size());
        files++;
        rowGroups += footer.getBlocks().size();
      }
    }
    assertTrue(multiFilePartitions > 100, "partitions with several files: " + multiFilePartitions);
    assertEquals(files, summary.table(SampleLake.QUOTE_OUTCOMES).files());
    assertEquals(rowGroups, summary.table(SampleLake.QUOTE_OUTCOMES).rowGroups());
  }

  @Test
  void rowGroupsCarryMinMaxStatisticsForSkipping() throws IOException {
    Path partition = LakeFiles.partitions(root, SampleLake.QUOTE_OUTCOMES).get(200);
    ParquetMetadata footer = ParquetRows.footer(LakeFiles.files(partition).get(0));
    assertTrue(footer.getBlocks().size() > 1);
    long previousMax = Long.MIN_VALUE;
    for (BlockMetaData block : footer.getBlocks()) {
      ColumnChunkMetaData quotedAt = column(block, "quoted_at");
      Statistics<?> stats = quotedAt.getStatistics();
      assertTrue(stats.hasNonNullValue(), "quoted_at statistics present");
      long min = (Long) stats.genericGetMin();
      long max = (Long) stats.genericGetMax();
      // Rows are written in quoted_at order, so row groups cover disjoint, increasing ranges.
      assertTrue(min >= previousMax && max >= min);
      previousMax = max;
      assertTrue(column(block, "customer_id").getStatistics().getNumNulls() >= 0);
    }
    assertEquals("42", footer.getFileMetaData().getKeyValueMetaData().get("lakegate.seed"));
  }

  @Test
  void filesCarryTheFormatSchemas() throws IOException {
    assertEquals(QuoteOutcomeFormat.SCHEMA, schemaOfFirstFile(SampleLake.QUOTE_OUTCOMES));
    assertEquals(PartnerMetricsFormat.SCHEMA, schemaOfFirstFile(SampleLake.PARTNER_METRICS));
    assertEquals(CommissionHistoryFormat.SCHEMA, schemaOfFirstFile(SampleLake.COMMISSION_HISTORY));
  }

  private static MessageType schemaOfFirstFile(String table) throws IOException {
    Path partition = LakeFiles.partitions(root, table).get(0);
    return ParquetRows.footer(LakeFiles.files(partition).get(0)).getFileMetaData().getSchema();
  }

  @Test
  void manifestIsWrittenLastAndDescribesTheLake() throws IOException {
    LakeManifest manifest = LakeManifest.read(root).orElseThrow();
    assertTrue(manifest.describes(lake));
    assertEquals(ROWS_PER_FILE, manifest.rowsPerFile());
    assertEquals(summary.tables(), manifest.tables());
    assertNotNull(manifest.generatedAt());
  }

  private static ColumnChunkMetaData column(BlockMetaData block, String name) {
    return block.getColumns().stream().filter(c -> c.getPath().toDotString().equals(name)).findFirst()
        .orElseThrow();
  }

  /** Every row of a table in generation order, partition value first as in model.json. */
  private static List<List<Object>> readTable(String table, Function<String, Object> partitionValue)
      throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (Path partition : LakeFiles.partitions(root, table)) {
      Object value = partitionValue.apply(LakeFiles.partitionValue(partition));
      for (Path file : LakeFiles.files(partition)) {
        for (List<Object> record : ParquetRows.read(file)) {
          List<Object> row = new ArrayList<>();
          row.add(value);
          row.addAll(record);
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
