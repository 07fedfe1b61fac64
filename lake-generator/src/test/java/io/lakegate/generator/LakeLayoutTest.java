package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default layout: {@code <table>/<column>=<value>/part-00000.parquet} under the root, one
 * file per partition at small scale, {@code lake.json} beside the tables, and files that do not
 * depend on the number of writer threads.
 */
class LakeLayoutTest {
  @TempDir
  static Path oneThread;
  @TempDir
  static Path twoThreads;
  static SampleLake lake;
  static LakeSummary summary;

  @BeforeAll
  static void writeLakes() throws IOException {
    lake = SampleLake.builder().seed(5).rows(20_000).build();
    summary = lake.write(oneThread, WriteOptions.defaults().withThreads(1));
    lake.write(twoThreads, WriteOptions.defaults().withThreads(2));
  }

  @Test
  void rootHoldsTheThreeTablesAndTheManifest() throws IOException {
    try (Stream<Path> entries = Files.list(oneThread)) {
      assertEquals(List.of("commission_history", "lake.json", "partner_metrics", "quote_outcomes"),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void datedTablesHaveOneDirectoryPerCalendarDay() {
    List<String> expected = LakeCalendar.days().stream().map(d -> "date=" + d).toList();
    assertEquals(549, expected.size());
    assertEquals("date=2025-05-01", expected.get(0));
    assertEquals("date=2026-10-31", expected.get(548));
    for (String table : List.of(SampleLake.QUOTE_OUTCOMES, SampleLake.PARTNER_METRICS)) {
      assertEquals(expected, LakeFiles.partitions(oneThread, table).stream()
          .map(p -> p.getFileName().toString()).toList(), table);
    }
  }

  @Test
  void commissionHistoryHasOneDirectoryPerPartner() {
    List<String> expected = IntStream.rangeClosed(1, 400).mapToObj(id -> "partner_id=" + id).toList();
    assertEquals(expected, LakeFiles.partitions(oneThread, SampleLake.COMMISSION_HISTORY).stream()
        .map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void smallLakesHaveOneFileWithOneRowGroupPerPartition() throws IOException {
    for (String table : List.of(SampleLake.QUOTE_OUTCOMES, SampleLake.PARTNER_METRICS,
        SampleLake.COMMISSION_HISTORY)) {
      for (Path partition : LakeFiles.partitions(oneThread, table)) {
        List<Path> files = LakeFiles.files(partition);
        assertEquals(1, files.size(), partition.toString());
        assertEquals("part-00000.parquet", files.get(0).getFileName().toString());
      }
      TableSummary table1 = summary.table(table);
      assertEquals(table1.files(), table1.rowGroups(), table);
    }
  }

  @Test
  void summaryCountsMatchTheRowApi() {
    assertEquals(lake.quoteOutcomes().count(), summary.table(SampleLake.QUOTE_OUTCOMES).rows());
    assertEquals(lake.partnerMetrics().count(), summary.table(SampleLake.PARTNER_METRICS).rows());
    assertEquals(lake.commissionHistory().count(), summary.table(SampleLake.COMMISSION_HISTORY).rows());
    assertTrue(summary.total().bytes() > 100_000);
  }

  @Test
  void filesAreByteIdenticalWhateverTheThreadCount() throws IOException {
    int compared = 0;
    for (String table : List.of(SampleLake.QUOTE_OUTCOMES, SampleLake.PARTNER_METRICS,
        SampleLake.COMMISSION_HISTORY)) {
      for (Path partition : LakeFiles.partitions(oneThread, table)) {
        Path relative = oneThread.relativize(partition.resolve("part-00000.parquet"));
        assertArrayEquals(Files.readAllBytes(oneThread.resolve(relative)),
            Files.readAllBytes(twoThreads.resolve(relative)), relative.toString());
        compared++;
      }
    }
    assertEquals(549 + 549 + 400, compared);
  }

  @Test
  void partitionValuesMatchTheRowsInside() throws IOException {
    Path day = oneThread.resolve("quote_outcomes").resolve("date=2025-12-31");
    List<List<Object>> rows = ParquetRows.read(day.resolve("part-00000.parquet"));
    assertEquals(lake.quoteOutcomes(LocalDate.of(2025, 12, 31)).count(), rows.size());
    Path partner = oneThread.resolve("commission_history").resolve("partner_id=17");
    assertEquals(lake.commissionHistory(17).count(), ParquetRows.read(partner.resolve("part-00000.parquet")).size());
  }
}
