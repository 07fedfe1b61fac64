package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableDef;

import java.util.List;

/** Everything found on disk for one declared table at open: its partitions and their checked files. */
record TableFiles(TableDef table, List<LakePartition> partitions) {
  TableFiles {
    requireNonNull(table, "table");
    partitions = List.copyOf(partitions);
  }

  LakeStatistics.TableStatistics statistics() {
    int files = 0;
    long rowGroups = 0;
    long rows = 0;
    long bytes = 0;
    for (LakePartition partition : partitions) {
      for (LakeFile file : partition.files()) {
        files++;
        rowGroups += file.rowGroups().size();
        rows += file.rows();
        bytes += file.length();
      }
    }
    return new LakeStatistics.TableStatistics(table.name(), partitions.size(), files, rowGroups, rows, bytes);
  }
}
