package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.io.StringReader;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;

/**
 * Explains a parse error caused by a column whose name is a reserved word of Calcite's SQL parser
 * ({@code date} in the lake): Calcite only says {@code Encountered "date ="}, so the hint names
 * the word and how to quote it.
 */
final class ReservedWordHint {
  /**
   * The tokens Calcite's message quotes: {@code Encountered "date =" at line 1, column 44.}, or
   * for a keyword written in upper case {@code Incorrect syntax near the keyword 'DATE' at line 1}.
   */
  private static final Pattern FAILED_AT = Pattern.compile(
      "(?:Encountered \"(.*?)\"|Incorrect syntax near the keyword '(\\w+)') at line \\d+, column \\d+");

  /** Column names, in lower case, that the parser reads as a keyword unless quoted. */
  private final Set<String> reservedColumns;

  /** @param columns every column name of the virtual schema */
  ReservedWordHint(Collection<String> columns) {
    requireNonNull(columns, "columns");
    // The parser the gateway's connections use (Calcite's default), asked once.
    SqlAbstractParserImpl.Metadata parser = SqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
    Set<String> reserved = new TreeSet<>();
    for (String column : columns) {
      if (parser.isReservedWord(column.toUpperCase(Locale.ROOT))) {
        reserved.add(column.toLowerCase(Locale.ROOT));
      }
    }
    this.reservedColumns = Set.copyOf(reserved);
  }

  /** The reserved column names this hint knows, in lower case (for tests and the log). */
  Set<String> reservedColumns() {
    return reservedColumns;
  }

  /**
   * {@code ; "date" is a reserved word: quote the column as "date"} when the tokens at which
   * parsing failed include an unquoted reserved column name; empty otherwise.
   */
  Optional<String> hint(SqlParseException e) {
    Matcher failedAt = FAILED_AT.matcher(String.valueOf(e.getMessage()));
    if (reservedColumns.isEmpty() || !failedAt.find()) {
      return Optional.empty();
    }
    String tokens = failedAt.group(1) != null ? failedAt.group(1) : failedAt.group(2);
    // Calcite separates the tokens by blanks; a quoted identifier keeps its quotes and never matches.
    for (String token : tokens.split("\\s+")) {
      String word = token.toLowerCase(Locale.ROOT);
      if (reservedColumns.contains(word)) {
        return Optional.of("; \"" + word + "\" is a reserved word: quote the column as \"" + word + "\"");
      }
    }
    return Optional.empty();
  }
}
