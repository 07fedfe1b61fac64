package io.lakegate.clickhouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.calcite.runtime.Hook;

/**
 * The rows, column types and pushed-down SQL of one query through one Calcite connection, and
 * the comparison of two such results as the pushdown tests need it.
 *
 * <p>Doubles compare with a relative tolerance of {@value #DOUBLE_TOLERANCE}: ClickHouse sums and
 * averages floating-point values in another order than Calcite (e.g. pairwise), so the last bits
 * may differ. Every other value compares exactly, BigDecimal with its scale.
 *
 * @param columnTypes JDBC type names of the result columns
 * @param rows the rows, values as {@code getObject} returns them
 * @param pushedSql the SQL the JDBC adapter generated (empty when nothing ran in ClickHouse)
 */
record QueryResult(List<String> columnTypes, List<List<Object>> rows, String pushedSql) {
  static final double DOUBLE_TOLERANCE = 1e-9;

  static QueryResult run(Connection connection, String sql) throws SQLException {
    AtomicReference<String> pushed = new AtomicReference<>("");
    java.util.function.Consumer<Object> capture = plan -> pushed.set(String.valueOf(plan));
    Hook.Closeable hook = Hook.QUERY_PLAN.addThread(capture);
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        types.add(meta.getColumnTypeName(i) + (meta.getScale(i) > 0 ? "(" + meta.getScale(i) + ")" : ""));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return new QueryResult(types, rows, pushed.get());
    } finally {
      hook.close();
    }
  }

  /** The first difference between this (expected) and {@code actual}, or null when they agree. */
  String difference(QueryResult actual, boolean ordered) {
    if (!columnTypes.equals(actual.columnTypes)) {
      return "column types differ: expected " + columnTypes + ", got " + actual.columnTypes;
    }
    if (rows.size() != actual.rows.size()) {
      return "expected " + rows.size() + " rows, got " + actual.rows.size();
    }
    List<List<Object>> expectedRows = ordered ? rows : sorted(rows);
    List<List<Object>> actualRows = ordered ? actual.rows : sorted(actual.rows);
    for (int r = 0; r < expectedRows.size(); r++) {
      List<Object> e = expectedRows.get(r);
      List<Object> a = actualRows.get(r);
      for (int c = 0; c < e.size(); c++) {
        if (!same(e.get(c), a.get(c))) {
          return "row " + r + " column " + (c + 1) + ": expected " + describe(e.get(c)) + ", got " + describe(a.get(c))
              + "\n  expected row " + e + "\n  actual row   " + a;
        }
      }
    }
    return null;
  }

  static boolean same(Object expected, Object actual) {
    if (expected instanceof Double e && actual instanceof Double a) {
      return e.equals(a) || Math.abs(e - a) <= DOUBLE_TOLERANCE * Math.max(Math.abs(e), Math.abs(a));
    }
    return Objects.equals(expected, actual);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    return text + " (" + value.getClass().getSimpleName() + ")";
  }

  /** Rows in a canonical order, for queries whose order SQL does not define. */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(QueryResult::sortKey));
    return copy;
  }

  private static String sortKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      // Doubles are rounded so that rows differing only in the last bits sort alike.
      Object v = value instanceof Double d ? String.format("%.6e", d) : value;
      key.append(v).append('\u0001');
    }
    return key.toString();
  }
}
