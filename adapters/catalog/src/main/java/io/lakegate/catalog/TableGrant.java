package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One table a statement may read under the guardrail policy, and which of its columns.
 *
 * @param table the declared table's name
 * @param columns the columns it may read; empty means every declared column ({@code "*"} in model.json)
 */
public record TableGrant(String table, Optional<List<String>> columns) {
  public TableGrant {
    requireNonNull(table, "table");
    columns = requireNonNull(columns, "columns").map(List::copyOf);
    if (columns.isPresent() && columns.get().isEmpty()) {
      throw new IllegalArgumentException("table '" + table + "': list at least one column, or grant every column with \"*\"");
    }
  }

  /** A grant of every column of {@code table}. */
  public static TableGrant allColumns(String table) {
    return new TableGrant(table, Optional.empty());
  }

  /** Whether {@code column} (as declared) may be read. */
  public boolean allows(String column) {
    return columns.isEmpty() || columns.get().contains(column);
  }
}
