package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark corpus ({@code corpus.sql} beside this class): blocks that start with
 * {@code -- name: id}, then {@code -- kind: k}, optionally {@code -- mixed} and {@code -- partitions: n},
 * then the statement, and
 * optionally a {@code -- duckdb:} line followed by DuckDB's variant.
 */
public final class QueryCorpus {
  static final String RESOURCE = "corpus.sql";
  private static final String NAME = "-- name:";
  private static final String KIND = "-- kind:";
  private static final String MIXED = "-- mixed";
  private static final String PARTITIONS = "-- partitions:";
  private static final String DUCKDB = "-- duckdb:";

  private QueryCorpus() {
  }

  /** The project's corpus. */
  public static List<BenchQuery> load() {
    try (InputStream in = QueryCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the benchmark corpus " + RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the benchmark corpus", e);
    }
  }

  /** Parses corpus text; comments before the first block are ignored. */
  static List<BenchQuery> parse(String text) {
    requireNonNull(text, "text");
    List<BenchQuery> queries = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Block block = null;
    for (String line : text.split("\r?\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith(NAME)) {
        if (block != null) {
          queries.add(block.build());
        }
        block = new Block(trimmed.substring(NAME.length()).strip());
        if (!names.add(block.name)) {
          throw new IllegalArgumentException("corpus: query '" + block.name + "' appears twice");
        }
      } else if (block == null) {
        continue;
      } else if (trimmed.startsWith(KIND)) {
        block.kind = trimmed.substring(KIND.length()).strip();
      } else if (trimmed.equals(MIXED)) {
        block.mixed = true;
      } else if (trimmed.startsWith(PARTITIONS)) {
        block.partitions = partitions(block.name, trimmed.substring(PARTITIONS.length()).strip());
      } else if (trimmed.startsWith(DUCKDB)) {
        block.duckDb = new StringBuilder();
      } else if (!trimmed.startsWith("--")) {
        (block.duckDb != null ? block.duckDb : block.sql).append(line).append('\n');
      }
    }
    if (block != null) {
      queries.add(block.build());
    }
    return List.copyOf(queries);
  }

  private static int partitions(String query, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("corpus: query '" + query + "': '-- partitions:' needs a positive number, not '"
        + text + "'");
  }

  /** The queries named in {@code names} (in corpus order), or all when {@code names} is empty. */
  public static List<BenchQuery> select(List<BenchQuery> corpus, Set<String> names) {
    if (names.isEmpty()) {
      return corpus;
    }
    Set<String> known = new LinkedHashSet<>();
    corpus.forEach(q -> known.add(q.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("--queries: no query '" + name + "' in the corpus; queries: " + known);
      }
    }
    return corpus.stream().filter(q -> names.contains(q.name())).toList();
  }

  /** One block being read. */
  private static final class Block {
    private final String name;
    private String kind = "";
    private boolean mixed;
    private int partitions = -1;
    private final StringBuilder sql = new StringBuilder();
    private StringBuilder duckDb;

    Block(String name) {
      this.name = name;
    }

    BenchQuery build() {
      String statement = statement(sql);
      if (statement.isEmpty()) {
        throw new IllegalArgumentException("corpus: query '" + name + "' has no statement");
      }
      if (kind.isEmpty()) {
        throw new IllegalArgumentException("corpus: query '" + name + "' has no '-- kind:' line");
      }
      String duck = duckDb == null ? statement : statement(duckDb);
      return new BenchQuery(name, kind, mixed, partitions, statement, duck);
    }

    private static String statement(StringBuilder text) {
      String s = text.toString().strip();
      return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }
  }
}
