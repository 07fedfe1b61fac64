package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What JDBC tools ask through {@link DatabaseMetaData}, answered through the thin driver. */
@ExtendWith(SharedGateway.class)
class MetadataIT {

  @Test void schemaAndTables(LakegateFixture gateway) throws SQLException {
    try (Connection c = gateway.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "analytics", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(List.of("commission_history", "partner_metrics", "quote_outcomes"), tables.stream().sorted().toList());
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertEquals(List.of("analytics"), schemas, "only the virtual schema; Calcite's metadata schema is not listed");
    }
  }

  /** Tools list every schema's tables (null or "%" patterns): only the queryable ones come back. */
  @Test void everyListingShowsOnlyTheVirtualSchema(LakegateFixture gateway) throws SQLException {
    try (Connection c = gateway.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(List.of("analytics.commission_history", "analytics.partner_metrics", "analytics.quote_outcomes"),
          tables.stream().sorted().toList());
      try (ResultSet rs = md.getSchemas(null, "%")) {
        List<String> schemas = new ArrayList<>();
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
        assertEquals(List.of("analytics"), schemas);
      }
      try (ResultSet rs = md.getTables(null, "metadata", "%", null)) {
        assertFalse(rs.next(), "Calcite's metadata schema is not listed, even when asked for by name");
      }
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          assertEquals("analytics", rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
        }
      }
    }
  }

  @Test void columnsHaveTheirJdbcTypes(LakegateFixture gateway) throws SQLException {
    Map<String, String> actual = new LinkedHashMap<>();
    try (Connection c = gateway.connect(); ResultSet rs = c.getMetaData().getColumns(null, "analytics", "quote_outcomes", "%")) {
      while (rs.next()) {
        int type = rs.getInt("DATA_TYPE");
        String size = type == Types.DECIMAL ? "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")" : "";
        actual.put(rs.getString("COLUMN_NAME"), type + size + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable ? " null" : ""));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("date", Types.DATE + "");
    expected.put("quote_id", Types.BIGINT + "");
    expected.put("partner_id", Types.INTEGER + "");
    expected.put("network", Types.VARCHAR + "");
    expected.put("product", Types.VARCHAR + "");
    expected.put("outcome", Types.VARCHAR + "");
    expected.put("quoted_at", Types.TIMESTAMP + "");
    expected.put("decided_at", Types.TIMESTAMP + " null");
    expected.put("list_premium", Types.DECIMAL + "(12,2)");
    expected.put("final_premium", Types.DECIMAL + "(12,2) null");
    expected.put("giveaway", Types.DECIMAL + "(12,2) null");
    expected.put("risk_score", Types.DOUBLE + " null");
    expected.put("customer_id", Types.VARCHAR + " null");
    expected.put("is_renewal", Types.BOOLEAN + "");
    expected.put("response_ms", Types.INTEGER + "");
    assertEquals(expected, actual);
  }

  @Test void productAndDriverNames(LakegateFixture gateway) throws SQLException {
    try (Connection c = gateway.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals("lakegate", md.getDriverName());
      assertTrue(md.getDatabaseProductName() != null && !md.getDatabaseProductName().isBlank());
      try (ResultSet rs = md.getTypeInfo()) {
        List<String> names = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString("TYPE_NAME"));
        }
        assertTrue(names.containsAll(List.of("INTEGER", "BIGINT", "DECIMAL", "VARCHAR", "DATE", "TIMESTAMP", "BOOLEAN")),
            names.toString());
      }
    }
  }
}
