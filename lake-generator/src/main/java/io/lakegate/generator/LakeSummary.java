package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SampleLake#write} produced.
 *
 * @param root the lake directory
 * @param tables per table name, in write order
 * @param millis wall time of the write
 */
public record LakeSummary(Path root, Map<String, TableSummary> tables, long millis) {
  public LakeSummary {
    requireNonNull(root, "root");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  public TableSummary table(String name) {
    TableSummary summary = tables.get(name);
    if (summary == null) {
      throw new IllegalArgumentException("no table '" + name + "'; tables: " + tables.keySet());
    }
    return summary;
  }

  public TableSummary total() {
    return tables.values().stream().reduce(TableSummary.EMPTY, TableSummary::plus);
  }

  /** Rows written per second of wall time. */
  public long rowsPerSecond() {
    return millis == 0 ? total().rows() : total().rows() * 1000 / millis;
  }
}
