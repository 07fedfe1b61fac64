package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative, thread-safe counters of everything the lake scans did since the schema opened;
 * tests use them to prove pruning and projection, the gateway exposes {@link #snapshot()}. They
 * mix every query running at once: one query's own IO is counted by a {@link ScanScope}.
 *
 * <p>Column chunks are counted per {@code table.column} (a column chunk is one column of one
 * row group that was actually decoded), so a column that was never requested stays at zero.
 */
public final class ScanMetrics {
  private final LongAdder scans = new LongAdder();
  private final LongAdder partitionsPruned = new LongAdder();
  private final LongAdder filesOpened = new LongAdder();
  private final LongAdder filesSkipped = new LongAdder();
  private final LongAdder rowGroupsRead = new LongAdder();
  private final LongAdder rowGroupsSkipped = new LongAdder();
  private final LongAdder rowsProduced = new LongAdder();
  private final AtomicLong openReaders = new AtomicLong();
  private final ConcurrentHashMap<String, LongAdder> columnChunksDecoded = new ConcurrentHashMap<>();

  void scanStarted() {
    scans.increment();
  }

  void partitionsPruned(int count) {
    partitionsPruned.add(count);
  }

  void fileOpened() {
    filesOpened.increment();
    openReaders.incrementAndGet();
  }

  void fileClosed() {
    openReaders.decrementAndGet();
  }

  /** A file none of whose row groups can match, so it was never opened. */
  void fileSkipped() {
    filesSkipped.increment();
  }

  void rowGroupsSkipped(int count) {
    rowGroupsSkipped.add(count);
  }

  void rowGroupRead(String table, Iterable<String> decodedColumns) {
    rowGroupsRead.increment();
    for (String column : decodedColumns) {
      columnChunksDecoded.computeIfAbsent(table + "." + column, k -> new LongAdder()).increment();
    }
  }

  void rowsProduced(long count) {
    rowsProduced.add(count);
  }

  /** An immutable copy of the counters at this moment. */
  public Snapshot snapshot() {
    Map<String, Long> chunks = new TreeMap<>();
    columnChunksDecoded.forEach((k, v) -> chunks.put(k, v.sum()));
    return new Snapshot(scans.sum(), partitionsPruned.sum(), filesOpened.sum(), filesSkipped.sum(),
        rowGroupsRead.sum(), rowGroupsSkipped.sum(), rowsProduced.sum(), openReaders.get(), chunks);
  }

  /**
   * The counters at one moment.
   *
   * @param scans table scans started
   * @param partitionsPruned partitions excluded by a filter on partition columns, before listing their files
   * @param filesOpened parquet files opened for reading
   * @param filesSkipped files not opened because statistics excluded all their row groups
   * @param rowGroupsRead row groups decoded
   * @param rowGroupsSkipped row groups excluded by min/max statistics
   * @param rowsProduced rows handed to Calcite
   * @param openReaders files open right now (a gauge, not cumulative): non-zero at rest means a leak
   * @param columnChunksDecoded per {@code table.column}, column chunks decoded
   */
  public record Snapshot(long scans, long partitionsPruned, long filesOpened, long filesSkipped,
      long rowGroupsRead, long rowGroupsSkipped, long rowsProduced, long openReaders,
      Map<String, Long> columnChunksDecoded) {
    public Snapshot {
      columnChunksDecoded = Map.copyOf(requireNonNull(columnChunksDecoded, "columnChunksDecoded"));
    }

    /** Column chunks decoded for one column so far (0 when never decoded). */
    public long columnChunksDecoded(String table, String column) {
      return columnChunksDecoded.getOrDefault(table + "." + column, 0L);
    }

    /** The difference {@code this - earlier}, to measure one query ({@code openReaders} stays this one's). */
    public Snapshot minus(Snapshot earlier) {
      Map<String, Long> chunks = new TreeMap<>(columnChunksDecoded);
      earlier.columnChunksDecoded.forEach((k, v) -> chunks.merge(k, -v, Long::sum));
      chunks.values().removeIf(v -> v == 0L);
      return new Snapshot(scans - earlier.scans, partitionsPruned - earlier.partitionsPruned,
          filesOpened - earlier.filesOpened, filesSkipped - earlier.filesSkipped,
          rowGroupsRead - earlier.rowGroupsRead, rowGroupsSkipped - earlier.rowGroupsSkipped,
          rowsProduced - earlier.rowsProduced, openReaders, chunks);
    }

    /** JSON-friendly view (numbers and a nested map), for a metrics endpoint. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("scans", scans);
      map.put("partitionsPruned", partitionsPruned);
      map.put("filesOpened", filesOpened);
      map.put("filesSkipped", filesSkipped);
      map.put("rowGroupsRead", rowGroupsRead);
      map.put("rowGroupsSkipped", rowGroupsSkipped);
      map.put("rowsProduced", rowsProduced);
      map.put("openReaders", openReaders);
      map.put("columnChunksDecoded", new TreeMap<>(columnChunksDecoded));
      return map;
    }
  }
}
