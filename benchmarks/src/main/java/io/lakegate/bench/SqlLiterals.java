package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

/** The one place a value becomes an SQL string literal (DuckDB's setup statements). */
public final class SqlLiterals {
  private SqlLiterals() {
  }

  /** {@code 'text'} with every single quote doubled: a standard SQL string literal (DuckDB reads backslashes as is). */
  public static String string(String text) {
    requireNonNull(text, "text");
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an SQL string literal cannot hold a NUL character");
    }
    return "'" + text.replace("'", "''") + "'";
  }
}
