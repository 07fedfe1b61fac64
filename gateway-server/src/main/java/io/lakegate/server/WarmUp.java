package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.TableDef;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a few representative queries through a gateway Calcite connection before the gateway
 * reports ready, so that the first user query does not pay for loading and compiling Calcite's
 * parser, planner, metadata handlers and code generator and the parquet reader. Measured on the
 * test lake (2 busy cores): a cold first query took 1.8 to 7 s, after a warm-up of 2.4 to 3.1 s
 * it took 0.35 to 0.55 s.
 *
 * <p>The queries are built from the model and read almost nothing: an aggregate with a percentile,
 * a join and a window over one table, each filtered to a partition value no lake has (so Calcite
 * still plans and compiles the scan, which then prunes every partition), and the first row of a
 * table (so the parquet reader is loaded too). Queries that read no table, or that Calcite proves
 * empty ({@code WHERE FALSE}), warm up less: they left the first query at 0.8 to 1.5 s. A failing
 * warm-up query is logged and skipped; it never stops the start.
 */
final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
  /** Quotes every identifier (the model's names are not SQL), escaping embedded quotes. */
  private static final SqlDialect SQL = CalciteSqlDialect.DEFAULT;

  private WarmUp() {
  }

  /** Opens a connection configured as the gateway's (the meta's {@code openCalciteConnection}). */
  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /**
   * What a warm-up did.
   *
   * @param queries queries run
   * @param failed how many of them failed (each is logged)
   * @param millis wall time of the whole warm-up
   */
  record Result(int queries, int failed, long millis) {
  }

  /** The warm-up queries for {@code model}; only the first-row read when no table has the columns the others need. */
  static List<String> queries(LakegateModel model) {
    requireNonNull(model, "model");
    List<String> queries = new ArrayList<>();
    for (TableDef table : model.tables()) {
      Optional<ColumnDef> partition = table.columns().stream()
          .filter(c -> c.partition() && noSuchValue(c).isPresent()).findFirst();
      Optional<ColumnDef> key = firstData(table, c -> c.type().sqlType() == SqlTypeName.VARCHAR);
      Optional<ColumnDef> number = firstData(table, c -> SqlTypeName.NUMERIC_TYPES.contains(c.type().sqlType()));
      if (partition.isPresent() && key.isPresent() && number.isPresent()) {
        String t = id(table.name());
        String p = id(partition.get().name());
        String none = noSuchValue(partition.get()).orElseThrow();
        String s = id(key.get().name());
        String n = id(number.get().name());
        queries.add("select " + s + ", count(*) as n, sum(" + n + ") as s, avg(" + n + ") as a, min(" + n + ") as lo,"
            + " max(" + n + ") as hi, percentile_cont(0.5) within group (order by " + n + ") as m from " + t
            + " where " + p + " = " + none + " and " + s + " <> '' group by " + s + " order by n desc");
        queries.add("select a." + s + ", count(*) as n from " + t + " as a join " + t + " as b on a." + s + " = b." + s
            + " and a." + p + " = b." + p + " where a." + p + " = " + none + " group by a." + s);
        queries.add("select " + s + ", " + n + ", row_number() over (partition by " + s + " order by " + n + ") as r,"
            + " sum(" + n + ") over (partition by " + s + ") as t from " + t + " where " + p + " = " + none);
        break;
      }
    }
    if (!model.tables().isEmpty()) {
      queries.add("select * from " + id(model.tables().get(0).name()) + " fetch first 1 rows only");
    }
    return List.copyOf(queries);
  }

  /** Runs {@code queries}, each on a new connection as a remote client would, reading every row. */
  static Result run(ConnectionSource connections, List<String> queries) {
    requireNonNull(connections, "connections");
    long start = System.nanoTime();
    int failed = 0;
    for (String sql : queries) {
      try (Connection connection = connections.open();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          rows.getObject(1);
        }
      } catch (SQLException | RuntimeException | AssertionError | ExceptionInInitializerError e) {
        // Calcite reports some planning and code generation failures as these two Errors.
        failed++;
        LOG.warn("warm-up query failed (the gateway starts anyway; the first real query will be slower): {} -- {}",
            GatewayError.oneLine(String.valueOf(e.getMessage())), sql);
      }
    }
    return new Result(queries.size(), failed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private static Optional<ColumnDef> firstData(TableDef table, Predicate<ColumnDef> type) {
    return table.columns().stream().filter(c -> !c.partition() && type.test(c)).findFirst();
  }

  /** A literal of the column's type that no partition directory holds in practice, or empty. */
  private static Optional<String> noSuchValue(ColumnDef column) {
    switch (column.type().sqlType()) {
      case DATE:
        return Optional.of("date '0001-01-01'");
      case INTEGER:
      case BIGINT:
        return Optional.of("-2147483648");
      default:
        return Optional.empty();
    }
  }

  private static String id(String name) {
    return SQL.quoteIdentifier(name);
  }
}
