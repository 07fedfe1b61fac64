package io.lakegate.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: lists a table's partition directories and files in the order rows are generated. */
final class LakeFiles {
  private LakeFiles() {
  }

  /** Partition directories of a table, by partition value (numeric values compared as numbers). */
  static List<Path> partitions(Path root, String table) {
    try (Stream<Path> dirs = Files.list(root.resolve(table))) {
      return dirs.sorted(Comparator.comparing(LakeFiles::partitionSortKey)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code part-NNNNN.parquet} files of one partition, in order. */
  static List<Path> files(Path partition) {
    try (Stream<Path> files = Files.list(partition)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String partitionValue(Path partition) {
    String name = partition.getFileName().toString();
    return name.substring(name.indexOf('=') + 1);
  }

  private static String partitionSortKey(Path partition) {
    String value = partitionValue(partition);
    return value.matches("\\d+") ? String.format("%012d", Long.parseLong(value)) : value;
  }
}
