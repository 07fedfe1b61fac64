package io.lakegate.generator;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the lake's directory and file names, escaping partition values the way Hive does
 * ({@code %XX} for path-significant characters), so a value can never leave its directory.
 */
final class HivePaths {
  private static final String SPECIAL = "\"#%'*/:=?\\{[]^";

  private HivePaths() {
  }

  /** {@code tableDir/column=value}. */
  static Path partitionDirectory(Path tableDir, String column, String value) {
    return tableDir.resolve(escape(column) + "=" + escape(value));
  }

  /** {@code part-00000.parquet}, {@code part-00001.parquet}, ... */
  static String partFileName(int index) {
    return String.format(Locale.ROOT, "part-%05d.parquet", index);
  }

  static String escape(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a partition name or value cannot be empty");
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F || SPECIAL.indexOf(c) >= 0) {
        out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    String escaped = out.toString();
    if (escaped.equals(".") || escaped.equals("..")) {
      throw new IllegalArgumentException("'" + text + "' cannot be a partition name or value");
    }
    return escaped;
  }
}
