package io.lakegate.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent-style analytical corpus ({@code corpus/analyst-queries.sql}): named queries over the
 * three tables, each marked whether its ORDER BY fixes the row order. The same corpus runs on
 * every backend.
 */
final class AnalystCorpus {
  private static final String RESOURCE = "/corpus/analyst-queries.sql";

  /**
   * One corpus query.
   *
   * @param name stable id, for test names and the statement log
   * @param sql the query, without the trailing semicolon
   * @param ordered whether rows must match in order (otherwise as a multiset)
   */
  record Query(String name, String sql, boolean ordered) {
    @Override
    public String toString() {
      return name;
    }
  }

  private AnalystCorpus() {
  }

  static List<Query> queries() {
    String text;
    try (InputStream in = AnalystCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Query> queries = new ArrayList<>();
    String name = null;
    boolean ordered = false;
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("-- name:")) {
        add(queries, name, sql, ordered);
        name = line.substring("-- name:".length()).trim();
        ordered = false;
        sql.setLength(0);
      } else if (line.trim().equals("-- ordered")) {
        ordered = true;
      } else if (name != null && !line.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    add(queries, name, sql, ordered);
    return queries;
  }

  private static void add(List<Query> queries, String name, StringBuilder sql, boolean ordered) {
    if (name == null) {
      return;
    }
    String text = sql.toString().trim();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    if (text.isEmpty()) {
      throw new IllegalStateException("corpus query '" + name + "' has no SQL");
    }
    queries.add(new Query(name, text, ordered));
  }
}
