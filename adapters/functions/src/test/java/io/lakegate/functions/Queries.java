package io.lakegate.functions;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Runs SQL against {@link AnalystFixture}, either on the lake path as
 * shipped (lakegate's rules registered by the scan) or on plain Calcite 1.42,
 * and returns rows as Java values (DATE as LocalDate, TIMESTAMP as
 * LocalDateTime) so tests compare them with plain equality.
 */
final class Queries {
  private Queries() {
  }

  /** Rows of {@code sql} on the lake path. */
  static List<List<Object>> rows(String sql) {
    return run(true, sql);
  }

  /** Rows of {@code sql} on plain Calcite 1.42, without lakegate's rules. */
  static List<List<Object>> plainRows(String sql) {
    return run(false, sql);
  }

  /** The single value of a one-row, one-column query on the lake path. */
  static Object value(String sql) {
    List<List<Object>> rows = rows(sql);
    assertEquals(1, rows.size(), () -> "rows of " + sql);
    assertEquals(1, rows.get(0).size(), () -> "columns of " + sql);
    return rows.get(0).get(0);
  }

  /** The first column of every row, on the lake path. */
  static List<Object> column(String sql) {
    List<Object> values = new ArrayList<>();
    for (List<Object> row : rows(sql)) {
      values.add(row.get(0));
    }
    return values;
  }

  /** The messages of the failure of {@code sql} on the lake path, causes included. */
  static String error(String sql) {
    return messages(assertThrows(SQLException.class, () -> query(true, sql)));
  }

  /** The messages of the failure of {@code sql} on plain Calcite 1.42, causes included. */
  static String plainError(String sql) {
    return messages(assertThrows(SQLException.class, () -> query(false, sql)));
  }

  /** The lake path's physical plan of {@code sql}. */
  static String plan(String sql) {
    StringBuilder plan = new StringBuilder();
    for (List<Object> row : rows("EXPLAIN PLAN FOR " + sql)) {
      plan.append(row.get(0));
    }
    return plan.toString();
  }

  private static List<List<Object>> run(boolean lakegate, String sql) {
    try {
      return query(lakegate, sql);
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql + "\n" + messages(e), e);
    }
  }

  private static List<List<Object>> query(boolean lakegate, String sql) throws SQLException {
    try (Connection connection = AnalystFixture.connect(lakegate);
         Statement statement = connection.createStatement();
         ResultSet resultSet = statement.executeQuery(sql)) {
      int columns = resultSet.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (resultSet.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(normalize(resultSet.getObject(i)));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof Date) {
      return ((Date) value).toLocalDate();
    }
    if (value instanceof Timestamp) {
      return ((Timestamp) value).toLocalDateTime();
    }
    return value;
  }

  private static String messages(Throwable e) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
