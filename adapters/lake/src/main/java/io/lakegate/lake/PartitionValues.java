package io.lakegate.lake;

import io.lakegate.catalog.ColumnDef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the value part of a Hive-style partition directory name ({@code key=value}) into
 * Calcite's runtime representation of the declared partition column type.
 */
final class PartitionValues {
  /** Hive's directory name for a NULL partition value. */
  static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]", Locale.ROOT);

  private PartitionValues() {
  }

  /**
   * Returns the typed value of {@code rawValue} (still escaped as Hive writes it) for
   * {@code column}; {@code directory} names the directory in the error.
   */
  static Object parse(ColumnDef column, String rawValue, String directory) {
    String text = unescape(rawValue);
    if (text.equals(HIVE_NULL)) {
      if (!column.nullable()) {
        throw invalid(column, directory, rawValue, "NULL, but the column is declared NOT NULL");
      }
      return null;
    }
    try {
      switch (column.type().sqlType()) {
        case DATE:
          return (int) LocalDate.parse(text).toEpochDay();
        case TIMESTAMP:
          return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
        case INTEGER:
          return Integer.valueOf(text);
        case BIGINT:
          return Long.valueOf(text);
        case DOUBLE:
          return Double.valueOf(text);
        case DECIMAL:
          return new BigDecimal(text).setScale(column.type().scale());
        case BOOLEAN:
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
          }
          throw invalid(column, directory, rawValue, "not true or false");
        case VARCHAR:
          return text;
        default:
          throw invalid(column, directory, rawValue, "type " + column.type() + " cannot be a partition column");
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw invalid(column, directory, rawValue, "not a valid " + column.type() + expected(column));
    }
  }

  private static String expected(ColumnDef column) {
    switch (column.type().sqlType()) {
      case DATE:
        return " (expected YYYY-MM-DD)";
      case TIMESTAMP:
        return " (expected YYYY-MM-DD HH:MM:SS[.fff], escaped as Hive does)";
      case DECIMAL:
        return " (expected at most " + column.type().scale() + " decimals)";
      default:
        return "";
    }
  }

  private static LakeSchemaException invalid(ColumnDef column, String directory, String rawValue, String why) {
    return new LakeSchemaException("lake directory " + directory + ": partition value '" + rawValue
        + "' of column '" + column.name() + "' is " + why
        + "; rename or remove the directory, or fix the column's type in model.json");
  }

  /** Undoes Hive's {@code %XX} escaping of special characters in directory names. */
  static String unescape(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
        out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
