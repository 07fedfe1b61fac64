package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LakeSchema#open} found in the lake: per table the number of partitions, files,
 * row groups, rows and bytes, for the startup summary and for the planner's row counts.
 *
 * @param root the lake root URI as configured
 * @param tables one entry per declared table, in declaration order
 */
public record LakeStatistics(String root, List<TableStatistics> tables) {
  public LakeStatistics {
    requireNonNull(root, "root");
    tables = List.copyOf(tables);
  }

  /** Files, row groups, rows and bytes (compressed, as stored) of one table. */
  public record TableStatistics(String table, int partitions, int files, long rowGroups, long rows, long bytes) {
    public TableStatistics {
      requireNonNull(table, "table");
    }

    /** JSON-friendly view. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("table", table);
      map.put("partitions", partitions);
      map.put("files", files);
      map.put("rowGroups", rowGroups);
      map.put("rows", rows);
      map.put("bytes", bytes);
      return map;
    }
  }

  /** The entry of {@code table}, or an exception naming the known tables. */
  public TableStatistics table(String table) {
    return tables.stream().filter(t -> t.table().equals(table)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table '" + table + "'; tables: "
            + tables.stream().map(TableStatistics::table).toList()));
  }

  /** JSON-friendly view: root and a list of per-table maps. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("root", root);
    map.put("tables", tables.stream().map(TableStatistics::toMap).toList());
    return map;
  }
}
