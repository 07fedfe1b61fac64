package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.Schema;

/** Test helpers: a Calcite connection as the gateway opens one, and results as comparable rows. */
final class Sql {
  static final String CALCITE_URL = "jdbc:calcite:lex=MYSQL_ANSI;timeZone=UTC;fun=standard";

  /** Pushed down whole on ClickHouse, answered from a few partitions' files on the lake. */
  static final List<String> QUERIES = List.of(
      "select count(*) as n from quote_outcomes",
      "select network, count(*) as n, sum(list_premium) as premium from quote_outcomes group by network"
          + " order by network",
      "select partner_id, sum(quotes_won) as won from partner_metrics where \"date\" >= date '2026-01-01'"
          + " group by partner_id order by won desc, partner_id limit 5",
      "select tier, count(*) as n from commission_history group by tier order by tier");

  private Sql() {
  }

  /** A Calcite connection whose schema {@code analytics} is {@code schema}. */
  static Connection connect(Schema schema) throws SQLException {
    Connection connection = DriverManager.getConnection(CALCITE_URL);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    calcite.getRootSchema().add("analytics", requireNonNull(schema, "schema"));
    calcite.setSchema("analytics");
    return connection;
  }

  /** Every row of {@code rs}, each value in a form equal on both backends (numbers without scale). */
  static List<List<String>> rows(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        Object value = rs.getObject(i);
        row.add(value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
            : String.valueOf(value));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows of {@code sql} on {@code connection}, with no failover involved. */
  static List<List<String>> query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return rows(rs);
    }
  }
}
