package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every partition of a {@link SampleLake} on a small thread pool, logs a line per finished
 * table and a final summary, and writes {@code lake.json} last. Each partition draws from its own
 * random stream, so the thread count never changes the rows.
 */
final class LakeWriter {
  private static final Logger LOG = LoggerFactory.getLogger(LakeWriter.class);
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final SampleLake lake;
  private final WriteOptions options;

  LakeWriter(SampleLake lake, WriteOptions options) {
    this.lake = requireNonNull(lake, "lake");
    this.options = requireNonNull(options, "options");
  }

  LakeSummary write(Path root) throws IOException {
    long start = System.nanoTime();
    LakeDirectory.prepare(root, options.force());
    LOG.info("writing lake to {}: seed {}, about {} rows, {} threads, {}", root, lake.seed(), lake.rows(),
        options.threads(), options.compression());

    List<LakePartition<?>> partitions = lake.partitions();
    Map<String, TableProgress> progress = new LinkedHashMap<>();
    for (LakePartition<?> partition : partitions) {
      progress.computeIfAbsent(partition.table(), t -> new TableProgress(start)).partitions++;
    }
    PartitionWriter writer = new PartitionWriter(options, Map.of(
        "lakegate.generator", LakeManifest.GENERATOR,
        "lakegate.seed", Long.toString(lake.seed()),
        "lakegate.rows", Long.toString(lake.rows())));

    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), threadFactory());
    try {
      CompletionService<Written> done = new ExecutorCompletionService<>(pool);
      List<Future<Written>> futures = new ArrayList<>();
      for (LakePartition<?> partition : partitions) {
        futures.add(done.submit(() -> new Written(partition.table(), writer.write(root, partition))));
      }
      long lastReport = System.nanoTime();
      for (int i = 0; i < partitions.size(); i++) {
        Written written = take(done, futures);
        TableProgress table = progress.get(written.table());
        table.add(written.summary());
        if (table.finished()) {
          logTable(written.table(), table);
        } else if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
          lastReport = System.nanoTime();
          LOG.info("{}: {}/{} partitions, {} rows so far", written.table(), table.finishedPartitions,
              table.partitions, table.summary.rows());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, TableSummary> tables = new LinkedHashMap<>();
    progress.forEach((name, table) -> tables.put(name, table.summary));
    LakeSummary summary = new LakeSummary(root, tables, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    manifest(summary).write(root);
    TableSummary total = summary.total();
    LOG.info("lake complete at {}: {} rows in {} files ({} row groups, {}) in {} ms, {} rows/s", root,
        total.rows(), total.files(), total.rowGroups(), megabytes(total.bytes()), summary.millis(),
        summary.rowsPerSecond());
    return summary;
  }

  private static Written take(CompletionService<Written> done, List<Future<Written>> futures) throws IOException {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new LakeGenerationException("interrupted while writing the lake; it is incomplete (no "
          + LakeManifest.FILE_NAME + ")", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new LakeGenerationException("writing a partition failed: " + cause, cause);
    }
  }

  private void logTable(String name, TableProgress table) {
    TableSummary s = table.summary;
    LOG.info("{}: {} rows in {} files ({} row groups, {}) after {} ms", name, s.rows(), s.files(), s.rowGroups(),
        megabytes(s.bytes()), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - table.start));
  }

  private LakeManifest manifest(LakeSummary summary) {
    return new LakeManifest(LakeManifest.GENERATOR, LakeManifest.DATA_VERSION, lake.seed(), lake.rows(),
        LakeCalendar.FIRST_DAY.toString(), LakeCalendar.LAST_DAY.toString(), options.compression().name(),
        options.rowsPerFile(), options.rowsPerRowGroup(), summary.tables(), Instant.now().toString());
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  private static ThreadFactory threadFactory() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "lake-writer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The result of one partition. */
  private record Written(String table, TableSummary summary) {
  }

  /** Running totals of one table; touched only by the thread collecting results. */
  private static final class TableProgress {
    private final long start;
    private int partitions;
    private int finishedPartitions;
    private TableSummary summary = TableSummary.EMPTY;

    TableProgress(long start) {
      this.start = start;
    }

    void add(TableSummary written) {
      summary = summary.plus(written);
      finishedPartitions++;
    }

    boolean finished() {
      return finishedPartitions == partitions;
    }
  }
}
