package io.lakegate.e2e;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The columns and rows one backend gave for one query through the thin driver, and the comparison
 * of two such answers that "the same rows on both backends" means.
 *
 * <p>Values compare by their column's JDBC type. DOUBLE, FLOAT and REAL compare with a relative
 * tolerance of {@value #RELATIVE_TOLERANCE} (or an absolute one of {@value #ABSOLUTE_TOLERANCE} near
 * zero): ClickHouse adds floating-point values in another order than Calcite (in parallel blocks,
 * pairwise), so sums, averages and standard deviations may differ in their last bits; 1e-9 is far
 * above that rounding noise for the corpus's sizes (about n·2⁻⁵³ for n ≤ 10⁶ values) and far below
 * any real mistake (a missed row changes a sum by much more). DECIMAL and NUMERIC compare exactly,
 * numerically, ignoring scale ({@link Sql#decimal}): the two backends may carry a sum with different
 * trailing zeros. Every other type compares exactly.
 *
 * @param columns the result's columns, from {@link ResultSetMetaData}
 * @param rows the rows, values as {@code getObject} returns them
 */
record QueryAnswer(List<Column> columns, List<List<Object>> rows) {
  static final double RELATIVE_TOLERANCE = 1e-9;
  static final double ABSOLUTE_TOLERANCE = 1e-12;

  /**
   * One result column as a JDBC tool sees it.
   *
   * @param label the column label
   * @param jdbcType its {@link Types} code
   * @param typeName the driver's name of that type, for messages
   */
  record Column(String label, int jdbcType, String typeName) {
    /** Equal columns have the same label and JDBC type; the name is only for messages. */
    boolean sameAs(Column other) {
      return label.equals(other.label) && jdbcType == other.jdbcType;
    }

    boolean isFloatingPoint() {
      return jdbcType == Types.DOUBLE || jdbcType == Types.FLOAT || jdbcType == Types.REAL;
    }

    boolean isDecimal() {
      return jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC;
    }

    @Override
    public String toString() {
      return label + " " + typeName + "(" + jdbcType + ")";
    }
  }

  QueryAnswer {
    columns = List.copyOf(requireNonNull(columns, "columns"));
    rows = List.copyOf(requireNonNull(rows, "rows"));
  }

  static QueryAnswer run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Column> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
      }
      return new QueryAnswer(columns, Sql.rows(rs));
    }
  }

  /**
   * The first difference between this answer (the reference) and {@code other}, or null when they
   * agree: as lists when {@code ordered}, as multisets otherwise.
   */
  String difference(QueryAnswer other, boolean ordered) {
    if (columns.size() != other.columns.size()) {
      return "columns differ: " + columns + " vs " + other.columns;
    }
    for (int c = 0; c < columns.size(); c++) {
      if (!columns.get(c).sameAs(other.columns.get(c))) {
        return "column " + (c + 1) + " differs: " + columns.get(c) + " vs " + other.columns.get(c);
      }
    }
    if (rows.size() != other.rows.size()) {
      return rows.size() + " rows vs " + other.rows.size() + " rows";
    }
    List<List<Object>> mine = ordered ? rows : canonicalOrder(rows);
    List<List<Object>> theirs = ordered ? other.rows : canonicalOrder(other.rows);
    for (int r = 0; r < mine.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        Object a = mine.get(r).get(c);
        Object b = theirs.get(r).get(c);
        if (!same(columns.get(c), a, b)) {
          return (ordered ? "row " : "row (in canonical order) ") + (r + 1) + ", column " + columns.get(c).label()
              + ": " + describe(a) + " vs " + describe(b) + "\n  " + mine.get(r) + "\n  " + theirs.get(r);
        }
      }
    }
    return null;
  }

  static boolean same(Column column, Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (column.isFloatingPoint() && a instanceof Number x && b instanceof Number y) {
      return closeEnough(x.doubleValue(), y.doubleValue());
    }
    if (column.isDecimal()) {
      return Sql.decimal(a).compareTo(Sql.decimal(b)) == 0;
    }
    return Objects.equals(a, b);
  }

  static boolean closeEnough(double a, double b) {
    if (Double.compare(a, b) == 0) {
      return true;
    }
    double difference = Math.abs(a - b);
    return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  /** Rows in an order that depends only on their values, with doubles rounded below the tolerance's noise. */
  private List<List<Object>> canonicalOrder(List<List<Object>> unordered) {
    List<List<Object>> copy = new ArrayList<>(unordered);
    copy.sort(Comparator.comparing(this::sortKey));
    return copy;
  }

  private String sortKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (int c = 0; c < row.size(); c++) {
      Object value = row.get(c);
      if (value == null) {
        key.append("\u0000null");
      } else if (columns.get(c).isFloatingPoint() && value instanceof Number n) {
        key.append(String.format(Locale.ROOT, "%.6e", n.doubleValue()));
      } else if (columns.get(c).isDecimal()) {
        key.append(Sql.decimal(value).toPlainString());
      } else {
        key.append(value);
      }
      key.append('\u0001');
    }
    return key.toString();
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    return text + " (" + value.getClass().getSimpleName() + ")";
  }
}
