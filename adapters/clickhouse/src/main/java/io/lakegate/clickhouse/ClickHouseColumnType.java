package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnType;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse column type as {@code system.columns} spells it, and whether it can back a declared
 * column: the value the driver returns for it is read into the declared type without loss.
 *
 * <p>{@code Nullable(...)} and {@code LowCardinality(...)} wrappers are peeled off first. A
 * Nullable column cannot back a NOT NULL declaration; a non-Nullable one may back a nullable one.
 *
 * @param text the type as ClickHouse wrote it, e.g. {@code LowCardinality(Nullable(String))}
 * @param base the type without wrappers, e.g. {@code String}
 * @param nullable whether ClickHouse allows NULL in the column
 */
record ClickHouseColumnType(String text, String base, boolean nullable) {
  private static final Pattern DECIMAL = Pattern.compile("Decimal\\((\\d+),\\s*(\\d+)\\)");
  private static final Pattern DATETIME64 = Pattern.compile("DateTime64\\((\\d+)(?:,\\s*'([^']*)')?\\)");
  private static final Set<String> INTEGER = Set.of("Int8", "Int16", "Int32", "UInt8", "UInt16");
  private static final Set<String> BIGINT = Set.of("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32");

  ClickHouseColumnType {
    requireNonNull(text, "text");
    requireNonNull(base, "base");
  }

  /** Parses a type from {@code system.columns.type}. */
  static ClickHouseColumnType parse(String text) {
    String t = text.strip();
    boolean nullable = false;
    boolean peeled = true;
    while (peeled) {
      peeled = false;
      if (t.startsWith("LowCardinality(") && t.endsWith(")")) {
        t = t.substring("LowCardinality(".length(), t.length() - 1).strip();
        peeled = true;
      }
      if (t.startsWith("Nullable(") && t.endsWith(")")) {
        t = t.substring("Nullable(".length(), t.length() - 1).strip();
        nullable = true;
        peeled = true;
      }
    }
    return new ClickHouseColumnType(text, t, nullable);
  }

  /** Whether this type can back a column declared as {@code declared} (nullability is checked apart). */
  boolean canBack(ColumnType declared) {
    switch (declared.sqlType()) {
      case BOOLEAN:
        return base.equals("Bool") || base.equals("UInt8");
      case INTEGER:
        return INTEGER.contains(base);
      case BIGINT:
        return BIGINT.contains(base);
      case DOUBLE:
        return base.equals("Float64");
      case VARCHAR:
        return base.equals("String");
      case DATE:
        return base.equals("Date") || base.equals("Date32");
      case DECIMAL: {
        // Same scale, so that values come back at the declared scale; no wider precision.
        Matcher m = DECIMAL.matcher(base);
        return m.matches() && Integer.parseInt(m.group(2)) == declared.scale()
            && Integer.parseInt(m.group(1)) <= declared.precision();
      }
      case TIMESTAMP: {
        // Milliseconds, as instants in UTC: a zone-less or other-zone column would shift values.
        Matcher m = DATETIME64.matcher(base);
        return m.matches() && Integer.parseInt(m.group(1)) == declared.precision() && "UTC".equals(m.group(2));
      }
      default:
        return false;
    }
  }

  /** What ClickHouse type backs {@code declared} in {@code ddl/}, for error messages. */
  static String expected(ColumnType declared, boolean nullable) {
    String base;
    switch (declared.sqlType()) {
      case BOOLEAN:
        base = "Bool";
        break;
      case INTEGER:
        base = "Int32";
        break;
      case BIGINT:
        base = "Int64";
        break;
      case DOUBLE:
        base = "Float64";
        break;
      case VARCHAR:
        base = "String";
        break;
      case DATE:
        base = "Date32";
        break;
      case DECIMAL:
        base = "Decimal(" + declared.precision() + ", " + declared.scale() + ")";
        break;
      case TIMESTAMP:
        base = "DateTime64(" + declared.precision() + ", 'UTC')";
        break;
      default:
        base = declared.toString();
        break;
    }
    return nullable ? "Nullable(" + base + ")" : base;
  }
}
