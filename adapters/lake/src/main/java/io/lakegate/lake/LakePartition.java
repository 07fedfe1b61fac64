package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.hadoop.fs.Path;

/**
 * One leaf partition directory of a table (for example {@code date=2025-05-01}) with its typed
 * partition values and its files. An unpartitioned table has one partition, its own directory.
 */
final class LakePartition {
  private final Path directory;
  private final Object[] valuesByOrdinal;
  private final List<LakeFile> files;

  /**
   * @param directory the leaf directory
   * @param valuesByOrdinal partition values at their table column ordinals (other slots null),
   *     in Calcite's runtime representation
   * @param files the parquet files directly in the directory
   */
  LakePartition(Path directory, Object[] valuesByOrdinal, List<LakeFile> files) {
    this.directory = requireNonNull(directory, "directory");
    this.valuesByOrdinal = valuesByOrdinal.clone();
    this.files = List.copyOf(files);
  }

  Path directory() {
    return directory;
  }

  /** The value of the partition column at table ordinal {@code ordinal}. */
  Object value(int ordinal) {
    return valuesByOrdinal[ordinal];
  }

  List<LakeFile> files() {
    return files;
  }

  @Override
  public String toString() {
    return directory.toString();
  }
}
