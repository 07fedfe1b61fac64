package io.lakegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Facts about a lake's directory layout that the targets need. */
final class LakeLayout {
  private LakeLayout() {
  }

  /** The most parquet files in one partition directory ({@code <table>/<column>=<value>/}) of any table. */
  static int maxFilesPerPartition(Path root) throws IOException {
    int max = 0;
    for (Path table : directories(root)) {
      for (Path partition : directories(table)) {
        try (Stream<Path> files = Files.list(partition)) {
          max = Math.max(max, (int) files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count());
        }
      }
    }
    return max;
  }

  private static List<Path> directories(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    }
  }
}
