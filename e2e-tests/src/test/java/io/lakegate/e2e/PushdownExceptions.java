package io.lakegate.e2e;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The corpus queries that are known not to be pushed down whole to ClickHouse
 * ({@code corpus/pushdown-exceptions.tsv}): per query, how many statements ClickHouse receives for
 * it and why it is not one statement computing everything. Lines are {@code name TAB statements TAB
 * reason}; {@code #} starts a comment line.
 */
final class PushdownExceptions {
  private static final String RESOURCE = "/corpus/pushdown-exceptions.tsv";

  /**
   * One listed exception.
   *
   * @param name the corpus query's name
   * @param statements how many statements ClickHouse receives for it (1 when it receives one but the
   *     gateway computes part of the answer)
   * @param reason which operator is not pushed, and why
   */
  record Entry(String name, int statements, String reason) {
    Entry {
      requireNonNull(name, "name");
      requireNonNull(reason, "reason");
      if (statements < 0) {
        throw new IllegalArgumentException(name + ": a statement count cannot be negative");
      }
      if (reason.isBlank()) {
        throw new IllegalArgumentException(name + ": an exception needs its reason");
      }
    }
  }

  private PushdownExceptions() {
  }

  /** The listed exceptions by query name, in file order. */
  static Map<String, Entry> load() {
    String text;
    try (InputStream in = PushdownExceptions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Entry> exceptions = new LinkedHashMap<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": expected 'name<TAB>statements<TAB>reason',"
            + " got " + fields.length + " field(s)");
      }
      int statements;
      try {
        statements = Integer.parseInt(fields[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": statement count '" + fields[1]
            + "' is not a number", e);
      }
      Entry exception = new Entry(fields[0].trim(), statements, fields[2].trim());
      if (exceptions.put(exception.name(), exception) != null) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": " + exception.name() + " is listed twice");
      }
    }
    return exceptions;
  }
}
