package io.lakegate.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A declared column type of the virtual schema, the one vocabulary every backend maps onto.
 *
 * <p>Only the types the lake actually stores are accepted, so that both backends can expose
 * the identical row type: BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE and
 * TIMESTAMP(3) (a UTC instant shown as a zone-less timestamp).
 */
public record ColumnType(SqlTypeName sqlType, int precision, int scale) {

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
  private static final Pattern TIMESTAMP = Pattern.compile("TIMESTAMP(?:\\s*\\(\\s*(\\d+)\\s*\\))?");
  private static final int MAX_DECIMAL_PRECISION = 38;

  public static final String ACCEPTED =
      "BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE, TIMESTAMP(3)";

  public ColumnType {
    if (sqlType == SqlTypeName.DECIMAL
        && (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException("DECIMAL(" + precision + "," + scale + ") is out of range");
    }
  }

  /** Parses a declared type such as {@code DECIMAL(18,2)}; the message of the failure lists the accepted types. */
  public static ColumnType parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(t);
    if (decimal.matches()) {
      return new ColumnType(SqlTypeName.DECIMAL,
          Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    }
    Matcher timestamp = TIMESTAMP.matcher(t);
    if (timestamp.matches()) {
      int p = timestamp.group(1) == null ? 3 : Integer.parseInt(timestamp.group(1));
      if (p != 3) {
        throw new IllegalArgumentException("TIMESTAMP(" + p + ") is not supported; the lake stores TIMESTAMP(3)");
      }
      return new ColumnType(SqlTypeName.TIMESTAMP, 3, 0);
    }
    switch (t) {
      case "BOOLEAN":
        return new ColumnType(SqlTypeName.BOOLEAN, -1, -1);
      case "INTEGER":
      case "INT":
        return new ColumnType(SqlTypeName.INTEGER, -1, -1);
      case "BIGINT":
        return new ColumnType(SqlTypeName.BIGINT, -1, -1);
      case "DOUBLE":
        return new ColumnType(SqlTypeName.DOUBLE, -1, -1);
      case "VARCHAR":
        return new ColumnType(SqlTypeName.VARCHAR, -1, -1);
      case "DATE":
        return new ColumnType(SqlTypeName.DATE, -1, -1);
      default:
        throw new IllegalArgumentException("unknown type '" + text + "'; accepted: " + ACCEPTED);
    }
  }

  /** The Calcite type of a column of this type. */
  public RelDataType toRelDataType(RelDataTypeFactory typeFactory, boolean nullable) {
    RelDataType type;
    switch (sqlType) {
      case DECIMAL:
        type = typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
        break;
      case TIMESTAMP:
        type = typeFactory.createSqlType(SqlTypeName.TIMESTAMP, precision);
        break;
      default:
        type = typeFactory.createSqlType(sqlType);
        break;
    }
    return typeFactory.createTypeWithNullability(type, nullable);
  }

  @Override
  public String toString() {
    switch (sqlType) {
      case DECIMAL:
        return "DECIMAL(" + precision + "," + scale + ")";
      case TIMESTAMP:
        return "TIMESTAMP(" + precision + ")";
      default:
        return sqlType.getName();
    }
  }
}
