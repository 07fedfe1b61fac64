package io.lakegate.functions;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny in-memory analyst schema ({@code quotes}, {@code partners}) served
 * the way the lake adapter serves parquet: a scannable table of rows in
 * Calcite's internal representation, whose scan registers lakegate's rules
 * when it joins the planner.
 */
final class AnalystFixture {
  /** JDBC URL of every test: the gateway's lexical and time-zone settings. */
  static final String URL = "jdbc:calcite:lex=MYSQL_ANSI;timeZone=UTC;fun=standard";

  /** Column names of {@code quotes}, in order. */
  static final List<String> QUOTE_COLUMNS = List.of("id", "partner", "network",
      "quote_date", "quoted_at", "premium", "giveaway", "rate", "ms", "qty", "won",
      "customer");

  /** The rows of {@code quotes} as Java values (dates and timestamps as java.time). */
  static final List<Object[]> QUOTES = List.of(
      quote(1, "acme", "direct", "2024-01-05", "2024-01-05T09:15:00.250", "100.00", "10.00", 0.10, 120, 3, true, "c1"),
      quote(2, "acme", "broker", "2024-01-20", "2024-01-20T14:00:00", "250.50", "25.05", 0.10, 340, 1, true, "c2"),
      quote(3, "acme", "direct", "2024-02-03", "2024-02-03T08:30:00", "80.00", null, null, 95, 2, false, "c1"),
      quote(4, "bolt", "api", "2024-02-14", "2024-02-14T23:59:59.999", "300.00", "60.00", 0.20, 510, 5, true, null),
      quote(5, "bolt", "api", "2024-03-01", "2024-03-01T00:00:00", "120.00", "6.00", 0.05, 210, 4, true, "c3"),
      quote(6, "bolt", "broker", "2024-04-10", "2024-04-10T12:00:00", "75.25", null, null, 180, 1, false, "c4"),
      quote(7, "cora", "direct", "2024-05-31", "2024-05-31T18:45:00", "500.00", "125.00", 0.25, 700, 7, true, "c5"),
      quote(8, "cora", "embedded", "2024-06-15", "2024-06-15T07:00:00", "60.00", "3.00", 0.05, 150, 2, true, "c5"),
      quote(9, "acme", "direct", "2024-07-04", "2024-07-04T16:20:00", "220.00", "33.00", 0.15, 260, 3, true, "c6"),
      quote(10, "dyno", "api", "2024-12-31", "2024-12-31T23:00:00", "90.00", null, null, 90, 1, false, null));

  private AnalystFixture() {
  }

  /**
   * Opens a connection whose default schema {@code lake} holds the fixture
   * tables; with {@code lakegateFunctions} the scans register
   * {@link LakegateFunctions}, as the lake adapter's scan does.
   */
  static Connection connect(boolean lakegateFunctions) throws SQLException {
    return connect(lakegateFunctions, URL);
  }

  static Connection connect(boolean lakegateFunctions, String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    calcite.getRootSchema().add("lake", new AbstractSchema() {
      @Override protected Map<String, Table> getTableMap() {
        return Map.of(
            "quotes", new RowsTable(AnalystFixture::quotesType, internalQuotes(), lakegateFunctions),
            "partners", new RowsTable(AnalystFixture::partnersType, partners(), lakegateFunctions));
      }
    });
    calcite.setSchema("lake");
    return connection;
  }

  private static Object[] quote(int id, String partner, String network, String day,
      String quotedAt, String premium, String giveaway, Double rate, int ms, long qty,
      boolean won, String customer) {
    return new Object[] {id, partner, network, LocalDate.parse(day),
        LocalDateTime.parse(quotedAt), new BigDecimal(premium),
        giveaway == null ? null : new BigDecimal(giveaway), rate, ms, qty, won, customer};
  }

  private static RelDataType quotesType(RelDataTypeFactory f) {
    return f.builder()
        .add("id", SqlTypeName.INTEGER)
        .add("partner", SqlTypeName.VARCHAR)
        .add("network", SqlTypeName.VARCHAR)
        .add("quote_date", SqlTypeName.DATE)
        .add("quoted_at", SqlTypeName.TIMESTAMP, 3)
        .add("premium", SqlTypeName.DECIMAL, 12, 2)
        .add("giveaway", SqlTypeName.DECIMAL, 12, 2).nullable(true)
        .add("rate", SqlTypeName.DOUBLE).nullable(true)
        .add("ms", SqlTypeName.INTEGER)
        .add("qty", SqlTypeName.BIGINT)
        .add("won", SqlTypeName.BOOLEAN)
        .add("customer", SqlTypeName.VARCHAR).nullable(true)
        .build();
  }

  private static RelDataType partnersType(RelDataTypeFactory f) {
    return f.builder()
        .add("partner", SqlTypeName.VARCHAR)
        .add("region", SqlTypeName.VARCHAR)
        .add("tier", SqlTypeName.VARCHAR)
        .build();
  }

  /** Rows in Calcite's internal representation: DATE as epoch days, TIMESTAMP as epoch millis. */
  private static List<Object[]> internalQuotes() {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] q : QUOTES) {
      Object[] row = q.clone();
      row[3] = (int) ((LocalDate) q[3]).toEpochDay();
      row[4] = ((LocalDateTime) q[4]).toInstant(ZoneOffset.UTC).toEpochMilli();
      rows.add(row);
    }
    return rows;
  }

  private static List<Object[]> partners() {
    return List.of(
        new Object[] {"acme", "US-East", "gold"},
        new Object[] {"bolt", "EU", "silver"},
        new Object[] {"cora", "APAC", "gold"},
        new Object[] {"eon", "UK", "bronze"});
  }

  /** A table of fixed rows that can be scanned and translated to a registering scan. */
  private static final class RowsTable extends AbstractTable implements ScannableTable, TranslatableTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final List<Object[]> rows;
    private final boolean lakegateFunctions;

    RowsTable(Function<RelDataTypeFactory, RelDataType> rowType, List<Object[]> rows,
        boolean lakegateFunctions) {
      this.rowType = rowType;
      this.rows = rows;
      this.lakegateFunctions = lakegateFunctions;
    }

    @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return rowType.apply(typeFactory);
    }

    @Override public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows);
    }

    @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
      RelOptCluster cluster = context.getCluster();
      return new RegisteringScan(cluster, relOptTable, lakegateFunctions);
    }
  }

  /** An Enumerable scan that, like the lake adapter's, registers lakegate's rules. */
  private static final class RegisteringScan extends EnumerableTableScan {
    private final boolean lakegateFunctions;

    RegisteringScan(RelOptCluster cluster, RelOptTable table, boolean lakegateFunctions) {
      super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, Object[].class);
      this.lakegateFunctions = lakegateFunctions;
    }

    @Override public void register(RelOptPlanner planner) {
      super.register(planner);
      if (lakegateFunctions) {
        LakegateFunctions.register(planner);
      }
    }
  }
}
