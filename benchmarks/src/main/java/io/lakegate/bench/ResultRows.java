package io.lakegate.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads every value of a result (so every engine pays for materialising its answer) and turns it into
 * comparable text: numbers without trailing zeros, floating-point values to 10 significant digits (the
 * two paths of the gateway may sum doubles in another order).
 */
public final class ResultRows {
  private static final MathContext DOUBLE_DIGITS = new MathContext(10);

  private ResultRows() {
  }

  public static List<List<String>> read(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(columns);
      for (int i = 1; i <= columns; i++) {
        row.add(normalize(rs.getObject(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  static String normalize(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      return new BigDecimal(d).round(DOUBLE_DIGITS).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /** The rows in a canonical order, to compare answers whose order the query leaves open. */
  public static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }
}
