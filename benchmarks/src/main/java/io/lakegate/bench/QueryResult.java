package io.lakegate.bench;

import java.util.List;

/**
 * What one execution returned.
 *
 * @param rows the rows, normalized by {@link ResultRows}
 * @param statements how many statements the client sent for it (more than one only for the direct
 *     replay of a query the gateway split into several ClickHouse statements)
 */
public record QueryResult(List<List<String>> rows, int statements) {
  public QueryResult {
    rows = List.copyOf(rows);
  }

  public int rowCount() {
    return rows.size();
  }
}
