package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * DuckDB's view of the lake: one view per table over {@code read_parquet} with Hive partitioning and the
 * partition columns typed as model.json declares them ({@code date} DATE, {@code partner_id} INTEGER;
 * left to inference DuckDB would also find these, but a typo in a directory name would then change the
 * type instead of failing). The session runs in UTC, as everything in lakegate does.
 */
final class DuckDbViews {
  private DuckDbViews() {
  }

  static List<String> setup(Path lakeRoot) {
    requireNonNull(lakeRoot, "lakeRoot");
    return List.of(
        "SET TimeZone = 'UTC'",
        view("partner_metrics", lakeRoot, "date", "DATE"),
        view("quote_outcomes", lakeRoot, "date", "DATE"),
        view("commission_history", lakeRoot, "partner_id", "INTEGER"));
  }

  private static String view(String table, Path lakeRoot, String partitionColumn, String type) {
    String glob = lakeRoot.toAbsolutePath().resolve(table) + "/*/*.parquet";
    return "CREATE VIEW " + table + " AS SELECT * FROM read_parquet(" + SqlLiterals.string(glob)
        + ", hive_partitioning = true, hive_types = {" + SqlLiterals.string(partitionColumn) + ": " + type + "})";
  }
}
