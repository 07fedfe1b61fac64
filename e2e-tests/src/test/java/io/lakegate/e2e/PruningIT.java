package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.generator.QuoteOutcomeRow;
import io.lakegate.lake.ScanMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the lake reads for a query, from the adapter's own counters: partition pruning, projection
 * and row-group skipping. The expected file counts come from the directory on disk.
 */
@ExtendWith(SharedGateway.class)
class PruningIT {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 17);

  @Test void oneDayFilterOpensOnlyThatDaysFiles(LakegateFixture gateway) throws Exception {
    long dayFiles = parquetFiles(gateway.lakeDir().resolve("quote_outcomes").resolve("date=" + DAY));
    long days = gateway.lake().dates().size();
    ScanMetrics.Snapshot delta;
    try (Connection c = gateway.connect()) {
      ScanMetrics.Snapshot before = gateway.scanMetrics();
      assertEquals(gateway.lake().quoteOutcomes(DAY).filter(q -> q.customerId() != null).count(),
          Sql.single(c, "select count(customer_id) from quote_outcomes where \"date\" = date '2026-03-17'"));
      delta = gateway.scanMetrics().minus(before);
    }
    assertTrue(dayFiles > 0, "the generated day has files");
    assertEquals(dayFiles, delta.filesOpened(), "files opened: " + delta);
    assertEquals(days - 1, delta.partitionsPruned(), "partitions pruned: " + delta);
    assertEquals(0, delta.openReaders(), "no reader left open: " + delta);
  }

  @Test void onlyRequestedColumnsAreDecoded(LakegateFixture gateway) throws SQLException {
    long expected = gateway.lake().quoteOutcomes(DAY).mapToLong(QuoteOutcomeRow::responseMs).sum();
    ScanMetrics.Snapshot delta;
    try (Connection c = gateway.connect()) {
      ScanMetrics.Snapshot before = gateway.scanMetrics();
      assertEquals(expected, Sql.single(c, "select sum(response_ms) from quote_outcomes where \"date\" = date '2026-03-17'"));
      delta = gateway.scanMetrics().minus(before);
    }
    assertTrue(delta.columnChunksDecoded("quote_outcomes", "response_ms") > 0, delta.toString());
    assertEquals(List.of("quote_outcomes.response_ms"), List.copyOf(delta.columnChunksDecoded().keySet()),
        "only response_ms was decoded: " + delta);
  }

  @Test void rowGroupStatisticsSkipGroupsThatCannotMatch(LakegateFixture gateway) throws SQLException {
    List<QuoteOutcomeRow> day = gateway.lake().quoteOutcomes(DAY).toList();
    QuoteOutcomeRow target = day.get(day.size() / 2);
    ScanMetrics.Snapshot delta;
    try (Connection c = gateway.connect()) {
      ScanMetrics.Snapshot before = gateway.scanMetrics();
      assertEquals(1, Sql.single(c, "select count(outcome) from quote_outcomes where \"date\" = date '2026-03-17'"
          + " and quote_id = " + target.quoteId()));
      delta = gateway.scanMetrics().minus(before);
    }
    assertTrue(day.size() > 2 * LakegateFixture.ROWS_PER_ROW_GROUP, "the day spans several row groups");
    assertEquals(1, delta.rowGroupsRead(), "only the row group holding the quote is read: " + delta);
    assertTrue(delta.rowGroupsSkipped() >= 2, "the other row groups are skipped: " + delta);
  }

  @Test void countStarIsAnsweredFromFootersWithoutOpeningFiles(LakegateFixture gateway) throws SQLException {
    ScanMetrics.Snapshot delta;
    try (Connection c = gateway.connect()) {
      ScanMetrics.Snapshot before = gateway.scanMetrics();
      assertEquals(gateway.lake().quoteOutcomes(DAY).count(),
          Sql.single(c, "select count(*) from quote_outcomes where \"date\" = date '2026-03-17'"));
      delta = gateway.scanMetrics().minus(before);
    }
    assertEquals(0, delta.filesOpened(), delta.toString());
  }

  @Test void commissionPartitionOfOnePartner(LakegateFixture gateway) throws Exception {
    long files = parquetFiles(gateway.lakeDir().resolve("commission_history").resolve("partner_id=7"));
    ScanMetrics.Snapshot delta;
    try (Connection c = gateway.connect()) {
      ScanMetrics.Snapshot before = gateway.scanMetrics();
      assertEquals(gateway.lake().commissionHistory(7).filter(r -> r.changedBy() != null).count(),
          Sql.single(c, "select count(changed_by) from commission_history where partner_id = 7"));
      delta = gateway.scanMetrics().minus(before);
    }
    assertEquals(files, delta.filesOpened(), delta.toString());
  }

  private static long parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
