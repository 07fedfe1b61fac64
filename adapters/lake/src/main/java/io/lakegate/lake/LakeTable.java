package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableDef;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.hadoop.conf.Configuration;

/**
 * One declared table of the lake: its declared row type (never inferred from files), the files
 * found at open with their row counts for the planner, and the entry point of its scans.
 */
final class LakeTable extends AbstractTable implements TranslatableTable {
  private final TableFiles files;
  private final Configuration conf;
  private final ScanMetrics metrics;
  private final long rows;

  LakeTable(TableFiles files, Configuration conf, ScanMetrics metrics) {
    this.files = requireNonNull(files, "files");
    this.conf = requireNonNull(conf, "conf");
    this.metrics = requireNonNull(metrics, "metrics");
    this.rows = files.statistics().rows();
  }

  TableDef def() {
    return files.table();
  }

  Configuration conf() {
    return conf;
  }

  ScanMetrics metrics() {
    return metrics;
  }

  List<LakePartition> partitions() {
    return files.partitions();
  }

  /** The partitions that can hold rows satisfying {@code partitionFilter} (all when null). */
  List<LakePartition> partitions(LakePredicate partitionFilter) {
    if (partitionFilter == null) {
      return files.partitions();
    }
    List<LakePartition> kept = new ArrayList<>();
    for (LakePartition partition : files.partitions()) {
      if (PartitionPruner.mayMatch(partitionFilter, partition)) {
        kept.add(partition);
      }
    }
    return kept;
  }

  /** Rows in the partitions kept by {@code partitionFilter}, from the footers. */
  long rows(LakePredicate partitionFilter) {
    long n = 0;
    for (LakePartition partition : partitions(partitionFilter)) {
      for (LakeFile file : partition.files()) {
        n += file.rows();
      }
    }
    return n;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return files.table().rowType(typeFactory);
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(rows, List.of());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    ImmutableIntList all = ImmutableIntList.identity(files.table().columns().size());
    return new LakeTableScan(cluster, cluster.traitSetOf(Convention.NONE), relOptTable, this, all,
        ScanFilter.NONE);
  }
}
