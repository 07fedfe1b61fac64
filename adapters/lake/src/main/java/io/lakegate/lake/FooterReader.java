package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads the footers of many files in parallel on a small bounded pool: footer reads are latency
 * bound (two small reads each, a round trip apiece on ADLS), so a few threads hide the latency
 * without flooding the store.
 */
final class FooterReader {
  /** Enough to overlap object-store round trips; small enough for a shared 2-core host. */
  static final int MAX_THREADS = 8;

  private final Configuration conf;

  FooterReader(Configuration conf) {
    this.conf = requireNonNull(conf, "conf");
  }

  /** The footers of {@code files}, in the same order; a failure names the file. */
  List<LakeFile> read(List<FileStatus> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    int threads = Math.min(MAX_THREADS, files.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<Future<LakeFile>> futures = new ArrayList<>(files.size());
      for (FileStatus file : files) {
        futures.add(pool.submit(() -> readOne(file)));
      }
      List<LakeFile> out = new ArrayList<>(files.size());
      for (Future<LakeFile> future : futures) {
        out.add(await(future));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private LakeFile readOne(FileStatus status) {
    try {
      HadoopInputFile input = HadoopInputFile.fromStatus(status, conf);
      try (ParquetFileReader reader = ParquetFileReader.open(input,
          HadoopReadOptions.builder(conf, status.getPath()).build())) {
        ParquetMetadata footer = reader.getFooter();
        return new LakeFile(status.getPath(), status.getLen(), footer);
      }
    } catch (IOException | RuntimeException e) {
      throw new LakeSchemaException("lake file " + status.getPath() + " cannot be read as parquet: "
          + e.getMessage() + "; remove it from the lake or rewrite it", e);
    }
  }

  private static LakeFile await(Future<LakeFile> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeSchemaException("interrupted while reading parquet footers", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LakeSchemaException lse) {
        throw lse;
      }
      throw new LakeSchemaException("reading parquet footers failed: " + e.getCause(), e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "lake-footer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
