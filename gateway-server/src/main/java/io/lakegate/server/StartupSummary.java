package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.lake.LakeStatistics;
import io.lakegate.lake.LakeStatistics.TableStatistics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines logged once the gateway listens: what runs where, and what the lake holds. */
final class StartupSummary {
  private StartupSummary() {
  }

  /** @param backend where statements run now and why ({@code clickhouse (the lake on failover)}, ...) */
  static List<String> lines(String version, String host, int port, Path model, String schemaName, String backend,
      LakeStatistics lake, long lakeOpenMillis, long startMillis) {
    requireNonNull(lake, "lake");
    requireNonNull(backend, "backend");
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT,
        "lakegate %s listening on http://%s:%d — Avatica JSON and Protobuf on this one port; GET /health, GET /metrics",
        version, host, port));
    lines.add(String.format(Locale.ROOT,
        "serving schema '%s' from %s; backend: %s", schemaName, model, backend));
    long files = 0;
    long rowGroups = 0;
    long rows = 0;
    long bytes = 0;
    for (TableStatistics table : lake.tables()) {
      lines.add(String.format(Locale.ROOT, "  table %-20s %,7d files %,8d row groups %,14d rows %10s",
          table.table(), table.files(), table.rowGroups(), table.rows(), megabytes(table.bytes())));
      files += table.files();
      rowGroups += table.rowGroups();
      rows += table.rows();
      bytes += table.bytes();
    }
    lines.add(2, String.format(Locale.ROOT,
        "lake %s opened in %d ms: %d tables, %,d files, %,d row groups, %,d rows, %s",
        lake.root(), lakeOpenMillis, lake.tables().size(), files, rowGroups, rows, megabytes(bytes)));
    lines.add(String.format(Locale.ROOT, "ready in %d ms", startMillis));
    return lines;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
