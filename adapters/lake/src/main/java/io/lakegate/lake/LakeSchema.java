package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual schema served from the parquet lake: one table per declared table.
 *
 * <p>{@link #open} lists the lake, reads and checks every footer against the declared row
 * types, and fails with a clear message on a mismatch. The footers stay in memory, so queries
 * prune and read without fetching them again; the price is that the file list is fixed at open:
 * a new partition or file becomes visible only after the schema is opened again (a restart, or
 * {@link LakeSchemaFactory#clearCache()} followed by a new connection).
 *
 * <p>Thread-safe: the file list is immutable and every scan keeps its own reader state.
 */
public final class LakeSchema extends AbstractSchema {
  private static final Logger LOG = LoggerFactory.getLogger(LakeSchema.class);

  private final LakegateModel model;
  private final Map<String, Table> tables;
  private final LakeStatistics statistics;
  private final ScanMetrics metrics;

  private LakeSchema(LakegateModel model, List<TableFiles> tableFiles, Configuration conf) {
    this.model = model;
    this.metrics = new ScanMetrics();
    Map<String, Table> map = new LinkedHashMap<>();
    for (TableFiles files : tableFiles) {
      map.put(files.table().name(), new LakeTable(files, conf, metrics));
    }
    this.tables = Map.copyOf(map);
    this.statistics = new LakeStatistics(model.lake().root().toString(),
        tableFiles.stream().map(TableFiles::statistics).toList());
  }

  /** Opens the lake declared by {@code model}; throws {@link LakeSchemaException} naming file, column, declared and found type. */
  public static LakeSchema open(LakegateModel model) {
    requireNonNull(model, "model");
    long start = System.nanoTime();
    Configuration conf = LakeOpener.hadoopConfiguration(model);
    LakeSchema schema = new LakeSchema(model, new LakeOpener(model, conf).open(), conf);
    long ms = (System.nanoTime() - start) / 1_000_000;
    for (LakeStatistics.TableStatistics t : schema.statistics.tables()) {
      LOG.info("lake table {}: {} partitions, {} files, {} row groups, {} rows, {} bytes",
          t.table(), t.partitions(), t.files(), t.rowGroups(), t.rows(), t.bytes());
    }
    LOG.info("lake {} opened in {} ms", model.lake().root(), ms);
    return schema;
  }

  /** The model this schema was opened from. */
  public LakegateModel model() {
    return model;
  }

  /** What was found at open: per table files, row groups, rows, bytes (for the startup summary). */
  public LakeStatistics statistics() {
    return statistics;
  }

  /** Cumulative scan counters since start (files opened, row groups read/skipped, partitions pruned, column chunks decoded per column, rows). */
  public ScanMetrics metrics() {
    return metrics;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
