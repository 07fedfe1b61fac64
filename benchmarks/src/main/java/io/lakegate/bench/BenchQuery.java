package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

/**
 * One corpus query.
 *
 * @param name its identifier (letters, digits, underscores)
 * @param kind selective, scan, group-by, percentile, join or top-n
 * @param mixed whether it belongs to the concurrency section's mixed workload
 * @param partitions for a selective query, the partitions (days) it needs, so at most the files of that many
 *     partitions may be opened on the lake path; -1 when the query is not selective
 * @param sql the statement in lakegate's SQL, without a trailing semicolon
 * @param duckDbSql the statement for DuckDB (the same text unless the corpus gives a variant)
 */
public record BenchQuery(String name, String kind, boolean mixed, int partitions, String sql, String duckDbSql) {
  public BenchQuery {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(sql, "sql");
    requireNonNull(duckDbSql, "duckDbSql");
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("query name '" + name + "' must be letters, digits and underscores");
    }
  }
}
