package io.lakegate.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a query and returns its rows as lists of plain values, for assertions. */
final class Sql {
  private Sql() {
  }

  static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[md.getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getObject(i + 1);
      }
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  static long single(Connection connection, String sql) throws SQLException {
    List<List<Object>> rows = rows(connection, sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return ((Number) rows.get(0).get(0)).longValue();
  }

  /** A decimal as the tests compare it: numerically, scale ignored. */
  static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    return new BigDecimal(value.toString()).stripTrailingZeros();
  }
}
