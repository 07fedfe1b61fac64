package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.TableDef;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Every declared column comes back from ClickHouse with the lake path's row type and values: the
 * same JDBC metadata, the same Java classes (DECIMAL at the declared scale, BOOLEAN as Boolean
 * though ClickHouse has Bool), the same values and NULLs, and the same internal representation
 * when Calcite computes on them above the pushed-down part (CAST to VARCHAR is not pushed down).
 */
class TypeMappingTest {
  /** A slice of each table with NULLs in every nullable column. */
  private static final Map<String, String> SLICES = Map.of(
      "partner_metrics", "\"date\" BETWEEN DATE '2025-07-01' AND DATE '2025-08-31'",
      "quote_outcomes", "\"date\" BETWEEN DATE '2025-07-01' AND DATE '2025-07-31'",
      "commission_history", "partner_id BETWEEN 1 AND 40");

  @Test void everyTableHasTheDeclaredRowTypeOnBothPaths() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    for (TableDef table : fixture.model.tables()) {
      String sql = "SELECT * FROM " + table.name();
      List<String> clickhouse = metadata(fixture.clickhouse, sql);
      assertEquals(metadata(fixture.lake, sql), clickhouse, "JDBC metadata of " + table.name());
      List<String> declared = table.columns().stream()
          .map(c -> c.name() + " " + c.type().sqlType().getName()
              + (c.type().sqlType() == SqlTypeName.DECIMAL ? "(" + c.type().precision() + "," + c.type().scale() + ")" : "")
              + (c.type().sqlType() == SqlTypeName.TIMESTAMP ? "(" + c.type().precision() + ")" : "")
              + (c.nullable() ? "" : " NOT NULL"))
          .toList();
      assertEquals(declared, clickhouse, "declared row type of " + table.name());
    }
  }

  @Test void everyColumnHasTheLakeValuesAndJavaClasses() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    for (TableDef table : fixture.model.tables()) {
      String sql = "SELECT * FROM " + table.name() + " WHERE " + SLICES.get(table.name());
      QueryResult lake = QueryResult.run(fixture.lake, sql);
      QueryResult clickhouse = QueryResult.run(fixture.clickhouse, sql);
      assertFalse(lake.rows().isEmpty(), sql);
      assertNull(lake.difference(clickhouse, false), () -> table.name() + "\n" + clickhouse.pushedSql());
      for (int c = 0; c < table.columns().size(); c++) {
        ColumnDef column = table.columns().get(c);
        List<Object> values = column(clickhouse, c);
        assertEquals(column.nullable(), values.contains(null),
            table.name() + "." + column.name() + " has NULLs exactly when nullable, in this slice");
        for (Object value : values) {
          if (value != null) {
            assertEquals(javaClass(column), value.getClass(), table.name() + "." + column.name());
            if (value instanceof BigDecimal decimal) {
              assertEquals(column.type().scale(), decimal.scale(), table.name() + "." + column.name() + " scale");
            }
          }
        }
      }
    }
  }

  /** Calcite computes on the converter's values here, so their internal representation is exercised. */
  @Test void calciteComputesOnClickHouseValuesLikeOnLakeValues() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    for (TableDef table : fixture.model.tables()) {
      String casts = table.columns().stream()
          .map(c -> "CAST(\"" + c.name() + "\" AS VARCHAR) AS \"" + c.name() + "\"")
          .collect(Collectors.joining(", "));
      String sql = "SELECT " + casts + " FROM " + table.name() + " WHERE " + SLICES.get(table.name());
      QueryResult lake = QueryResult.run(fixture.lake, sql);
      QueryResult clickhouse = QueryResult.run(fixture.clickhouse, sql);
      assertNull(lake.difference(clickhouse, false), () -> table.name() + "\n" + clickhouse.pushedSql());
      assertTrue(PushdownEquivalenceTest.plan(fixture, sql).startsWith("EnumerableCalc"),
          "the casts run in Calcite");
    }
  }

  /** Each column as {@code name TYPE[(p,s)|(p)] [NOT NULL]}, from JDBC metadata. */
  private static List<String> metadata(java.sql.Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql + " LIMIT 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String type = meta.getColumnTypeName(i);
        String size = type.equals("DECIMAL") ? "(" + meta.getPrecision(i) + "," + meta.getScale(i) + ")"
            : type.equals("TIMESTAMP") ? "(" + meta.getPrecision(i) + ")" : "";
        columns.add(meta.getColumnLabel(i) + " " + type + size
            + (meta.isNullable(i) == ResultSetMetaData.columnNoNulls ? " NOT NULL" : ""));
      }
      return columns;
    }
  }

  private static Class<?> javaClass(ColumnDef column) {
    switch (column.type().sqlType()) {
      case BOOLEAN:
        return Boolean.class;
      case INTEGER:
        return Integer.class;
      case BIGINT:
        return Long.class;
      case DOUBLE:
        return Double.class;
      case DECIMAL:
        return BigDecimal.class;
      case VARCHAR:
        return String.class;
      case DATE:
        return Date.class;
      case TIMESTAMP:
        return Timestamp.class;
      default:
        throw new AssertionError(column);
    }
  }

  private static List<Object> column(QueryResult result, int index) {
    List<Object> values = new ArrayList<>();
    result.rows().forEach(row -> values.add(row.get(index)));
    return values;
  }
}
