package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.TableDef;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists a table directory through Hadoop's {@code FileSystem}: one Hive-style directory level
 * ({@code key=value}) per declared partition column, in declaration order, and the parquet files
 * in the leaf directories. Names starting with {@code _} or {@code .} (markers, staging) are skipped.
 */
final class PartitionLister {
  private final FileSystem fs;

  PartitionLister(FileSystem fs) {
    this.fs = requireNonNull(fs, "fs");
  }

  /** A leaf directory with its parsed values and its (not yet opened) files. */
  record Listed(Path directory, Object[] valuesByOrdinal, List<FileStatus> files) {
  }

  /** Lists {@code table} under {@code tableDir}; the result is sorted by directory and file name. */
  List<Listed> list(TableDef table, Path tableDir) {
    List<Listed> out = new ArrayList<>();
    Object[] values = new Object[table.columns().size()];
    walk(table, table.partitionColumns(), 0, tableDir, values, out);
    return out;
  }

  private void walk(TableDef table, List<ColumnDef> keys, int level, Path dir, Object[] values, List<Listed> out) {
    FileStatus[] children = listVisible(table, dir, level == 0);
    if (level == keys.size()) {
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus child : children) {
        if (child.isDirectory()) {
          throw new LakeSchemaException("lake directory " + child.getPath() + ": table '" + table.name()
              + "' has " + keys.size() + " partition level(s) (" + names(keys)
              + "), so this directory is one level too deep; move its files up or remove it");
        }
        files.add(child);
      }
      out.add(new Listed(dir, values.clone(), files));
      return;
    }
    ColumnDef key = keys.get(level);
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      int eq = name.indexOf('=');
      if (!child.isDirectory() || eq < 0 || !name.substring(0, eq).equalsIgnoreCase(key.name())) {
        throw new LakeSchemaException("lake " + (child.isDirectory() ? "directory " : "file ") + child.getPath()
            + ": expected only partition directories named '" + key.name() + "=<" + key.type() + ">' here"
            + " (partition columns of table '" + table.name() + "': " + names(keys)
            + "); move or remove it");
      }
      values[table.ordinal(key.name())] = PartitionValues.parse(key, name.substring(eq + 1), child.getPath().toString());
      walk(table, keys, level + 1, child.getPath(), values, out);
    }
  }

  private FileStatus[] listVisible(TableDef table, Path dir, boolean tableRoot) {
    FileStatus[] all;
    try {
      all = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      String what = tableRoot ? "the directory of table '" + table.name() + "'" : "partition directory";
      throw new LakeSchemaException("lake " + what + " " + dir + " does not exist; create it or fix "
          + "'lake.root' / the table's 'location' in model.json", e);
    } catch (IOException e) {
      throw new LakeSchemaException("cannot list lake directory " + dir + ": " + e.getMessage()
          + "; check that the lake is reachable and readable", e);
    }
    return Arrays.stream(all)
        .filter(s -> !s.getPath().getName().startsWith("_") && !s.getPath().getName().startsWith("."))
        .sorted(Comparator.comparing(s -> s.getPath().getName()))
        .toArray(FileStatus[]::new);
  }

  private static String names(List<ColumnDef> keys) {
    return String.join(", ", keys.stream().map(ColumnDef::name).toList());
  }
}
