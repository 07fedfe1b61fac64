package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The guardrail policy of the virtual schema ({@code policy} in model.json's operand): which tables
 * and columns a statement may read, the row limit added to a query without one and the largest
 * limit accepted, the query timeout, the longest statement accepted, and whether EXPLAIN is
 * allowed. Parsed and validated once at start; every field has a default.
 *
 * @param tables the readable tables; by default every declared table with every column
 * @param defaultRowLimit rows a query without a LIMIT returns at most
 * @param maxRowLimit the largest LIMIT a query may ask for (a larger one is lowered to it)
 * @param queryTimeoutMs how long a query may run; a connection may ask for less, never more
 * @param maxStatementLength longest statement accepted, in characters
 * @param allowExplain whether {@code EXPLAIN PLAN FOR} a query is accepted
 */
public record PolicyConfig(List<TableGrant> tables, int defaultRowLimit, int maxRowLimit, long queryTimeoutMs,
    int maxStatementLength, boolean allowExplain) {
  public static final int DEFAULT_ROW_LIMIT = 100;
  public static final int DEFAULT_MAX_ROW_LIMIT = 10_000;
  public static final long DEFAULT_QUERY_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_MAX_STATEMENT_LENGTH = 100_000;
  public static final boolean DEFAULT_ALLOW_EXPLAIN = true;
  /** An hour: a longer "timeout" is a configuration mistake, not a guardrail. */
  public static final long MAX_QUERY_TIMEOUT_MS = 3_600_000;
  /** 16 Mi characters: the gateway does not read larger requests anyway. */
  public static final int MAX_STATEMENT_LENGTH_LIMIT = 16 * 1024 * 1024;

  public PolicyConfig {
    tables = List.copyOf(requireNonNull(tables, "tables"));
    Set<String> seen = new HashSet<>();
    for (TableGrant grant : tables) {
      if (!seen.add(grant.table())) {
        throw new IllegalArgumentException("tables: table '" + grant.table() + "' is granted twice");
      }
    }
    atLeastOne(defaultRowLimit, "defaultRowLimit");
    atLeastOne(maxRowLimit, "maxRowLimit");
    if (defaultRowLimit > maxRowLimit) {
      throw new IllegalArgumentException("defaultRowLimit (" + defaultRowLimit + ") must not be larger than maxRowLimit ("
          + maxRowLimit + ")");
    }
    if (queryTimeoutMs < 1 || queryTimeoutMs > MAX_QUERY_TIMEOUT_MS) {
      throw new IllegalArgumentException("queryTimeoutMs must be between 1 and " + MAX_QUERY_TIMEOUT_MS + ", not "
          + queryTimeoutMs);
    }
    if (maxStatementLength < 1 || maxStatementLength > MAX_STATEMENT_LENGTH_LIMIT) {
      throw new IllegalArgumentException("maxStatementLength must be between 1 and " + MAX_STATEMENT_LENGTH_LIMIT
          + ", not " + maxStatementLength);
    }
  }

  /** The default policy for {@code declared} tables: every table and column readable, every other value its default. */
  public static PolicyConfig defaults(List<TableDef> declared) {
    return new PolicyConfig(declared.stream().map(t -> TableGrant.allColumns(t.name())).toList(), DEFAULT_ROW_LIMIT,
        DEFAULT_MAX_ROW_LIMIT, DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_MAX_STATEMENT_LENGTH, DEFAULT_ALLOW_EXPLAIN);
  }

  /** The grant of a declared table, if it may be read at all. */
  public Optional<TableGrant> grant(String table) {
    return tables.stream().filter(g -> g.table().equals(table)).findFirst();
  }

  private static void atLeastOne(int value, String key) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, not " + value);
    }
  }
}
