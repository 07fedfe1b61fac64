package io.lakegate.jdbc;

import org.apache.calcite.avatica.remote.Driver.Serialization;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded driver, loaded alone, against real Avatica servers over Calcite: one server per
 * serialization, as the gateway serves them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadedDriverServerIT {
  private static final String PARTNER_QUERY = "select \"date\", partner_id, network, "
      + "quotes_requested, gross_premium, giveaway_rate, is_partner_active, loaded_at "
      + "from analytics.partner_metrics order by partner_id, \"date\"";

  private final Map<Serialization, TestingAvaticaServer> servers =
      new EnumMap<>(Serialization.class);
  private IsolatedDriver driver;

  @BeforeAll void start() throws Exception {
    for (Serialization serialization : Serialization.values()) {
      servers.put(serialization, new TestingAvaticaServer(serialization));
    }
    driver = IsolatedDriver.load();
  }

  @AfterAll void stop() throws Exception {
    servers.values().forEach(TestingAvaticaServer::close);
    if (driver != null) {
      driver.close();
    }
  }

  @ParameterizedTest @EnumSource(Serialization.class)
  void queryReturnsTypedRows(Serialization serialization) throws SQLException {
    try (Connection connection = connect(serialization, "timeZone=UTC");
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(PARTNER_QUERY)) {
      ResultSetMetaData meta = rs.getMetaData();
      assertEquals(8, meta.getColumnCount());
      assertEquals("gross_premium", meta.getColumnLabel(5));
      assertEquals(Types.DECIMAL, meta.getColumnType(5));
      assertEquals(2, meta.getScale(5));

      assertTrue(rs.next());
      assertEquals(Date.valueOf(SampleSchemaFactory.DAY), rs.getDate(1));
      assertEquals(7, rs.getInt(2));
      assertEquals("direct", rs.getString(3));
      assertEquals(1_000_000_000_000L, rs.getLong(4));
      assertEquals(new BigDecimal("1234.50"), rs.getBigDecimal(5));
      assertEquals(0.125, rs.getDouble(6));
      assertTrue(rs.getBoolean(7));
      assertEquals(Timestamp.from(SampleSchemaFactory.LOADED_AT), rs.getTimestamp(8));

      assertTrue(rs.next());
      assertEquals(Date.valueOf(SampleSchemaFactory.DAY.plusDays(1)), rs.getDate(1));
      assertEquals("api", rs.getString(3));

      assertTrue(rs.next());
      assertEquals(11, rs.getInt(2));
      assertEquals(0, rs.getDouble(6));
      assertTrue(rs.wasNull());
      assertFalse(rs.getBoolean(7));
      assertFalse(rs.next());
    }
  }

  @Test void protobufIsTheDefaultSerialization() throws SQLException {
    String address = servers.get(Serialization.PROTOBUF).address();
    try (Connection connection = driver.connect("jdbc:lakegate:url=" + address);
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("select count(*) from partner_metrics")) {
      assertTrue(rs.next());
      assertEquals(3, rs.getLong(1));
    }
    // The JSON-only server cannot read what the driver sends by default.
    String jsonOnly = servers.get(Serialization.JSON).address();
    SQLException e = assertThrows(SQLException.class,
        () -> driver.connect("jdbc:lakegate:url=" + jsonOnly));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().startsWith("cannot connect to the lakegate gateway at " + jsonOnly),
        e.getMessage());
  }

  @ParameterizedTest @EnumSource(Serialization.class)
  void metadataListsSchemasTablesAndColumnTypes(Serialization serialization)
      throws SQLException {
    try (Connection connection = connect(serialization, "")) {
      DatabaseMetaData meta = connection.getMetaData();
      assertEquals("lakegate", meta.getDatabaseProductName());
      assertEquals("lakegate", meta.getDriverName());
      assertEquals(System.getProperty("lakegate.version"), meta.getDriverVersion());
      assertTrue(meta.getURL().startsWith("jdbc:lakegate:url="), meta.getURL());

      Set<String> schemas = new TreeSet<>();
      try (ResultSet rs = meta.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertTrue(schemas.contains("analytics"), schemas.toString());

      Set<String> tables = new TreeSet<>();
      try (ResultSet rs = meta.getTables(null, "analytics", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(Set.of("partner_metrics", "quote_outcomes", "broken_feed"), tables);

      Map<String, int[]> columns = new HashMap<>();
      List<String> order = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "analytics", "partner_metrics", "%")) {
        while (rs.next()) {
          String name = rs.getString("COLUMN_NAME");
          order.add(name);
          columns.put(name, new int[] {rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
              rs.getInt("DECIMAL_DIGITS"), rs.getInt("NULLABLE")});
        }
      }
      assertEquals(List.of("date", "partner_id", "network", "quotes_requested", "gross_premium",
          "giveaway_rate", "is_partner_active", "loaded_at"), order);
      assertEquals(Types.DATE, columns.get("date")[0]);
      assertEquals(Types.INTEGER, columns.get("partner_id")[0]);
      assertEquals(Types.VARCHAR, columns.get("network")[0]);
      assertEquals(Types.BIGINT, columns.get("quotes_requested")[0]);
      assertEquals(Types.DECIMAL, columns.get("gross_premium")[0]);
      assertEquals(18, columns.get("gross_premium")[1]);
      assertEquals(2, columns.get("gross_premium")[2]);
      assertEquals(Types.DOUBLE, columns.get("giveaway_rate")[0]);
      assertEquals(DatabaseMetaData.columnNullable, columns.get("giveaway_rate")[3]);
      assertEquals(DatabaseMetaData.columnNoNulls, columns.get("partner_id")[3]);
      assertEquals(Types.BOOLEAN, columns.get("is_partner_active")[0]);
      assertEquals(Types.TIMESTAMP, columns.get("loaded_at")[0]);
      assertEquals(3, columns.get("loaded_at")[1]);

      Map<String, Integer> typeInfo = new HashMap<>();
      try (ResultSet rs = meta.getTypeInfo()) {
        while (rs.next()) {
          typeInfo.put(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"));
        }
      }
      assertEquals(Types.INTEGER, typeInfo.get("INTEGER"));
      assertEquals(Types.BIGINT, typeInfo.get("BIGINT"));
      assertEquals(Types.DECIMAL, typeInfo.get("DECIMAL"));
      assertEquals(Types.DOUBLE, typeInfo.get("DOUBLE"));
      assertEquals(Types.VARCHAR, typeInfo.get("VARCHAR"));
      assertEquals(Types.BOOLEAN, typeInfo.get("BOOLEAN"));
      assertEquals(Types.DATE, typeInfo.get("DATE"));
      assertEquals(Types.TIMESTAMP, typeInfo.get("TIMESTAMP"));
    }
  }

  @ParameterizedTest @EnumSource(Serialization.class)
  void badQueryIsAnSqlExceptionAndTheServerKeepsServing(Serialization serialization)
      throws SQLException {
    try (Connection connection = connect(serialization, "");
         Statement statement = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> statement.executeQuery("select no_such_column from partner_metrics"));
      assertEquals(TestingAvaticaServer.QUERY_FAILED_STATE, e.getSQLState());
      assertEquals(TestingAvaticaServer.QUERY_FAILED_CODE, e.getErrorCode());
      assertTrue(e.getMessage().contains("Column 'no_such_column' not found in any table"),
          e.getMessage());

      try (ResultSet rs = statement.executeQuery("select count(*) from quote_outcomes")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getLong(1));
      }
    }
    try (Connection fresh = connect(serialization, "");
         Statement statement = fresh.createStatement();
         ResultSet rs = statement.executeQuery("select outcome from quote_outcomes "
             + "where quote_id = 2")) {
      assertTrue(rs.next());
      assertEquals("lost", rs.getString(1));
    }
  }

  /**
   * A fetch of a later frame that fails on the server (the gateway's 08006 when ClickHouse is lost
   * mid-result) comes out of {@code ResultSet.next()} as an SQLException with the server's SQLSTATE,
   * code and message, not as Avatica's unchecked AvaticaClientRuntimeException.
   */
  @ParameterizedTest @EnumSource(Serialization.class)
  void failedFetchIsAnSqlExceptionWithTheServersSqlState(Serialization serialization)
      throws SQLException {
    try (Connection connection = connect(serialization, "");
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("select n from broken_feed")) {
      long[] read = {0};
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          assertEquals(++read[0], rs.getLong(1));
        }
      });
      // The first frame (100 rows) came with the execute and the first fetch brought 100 more;
      // the second fetch failed on the server. Avatica's cursor fetches the next frame as it
      // moves onto the last row of a frame, so that row is lost with the failure.
      assertEquals(199, read[0]);
      assertEquals(TestingAvaticaServer.FETCH_FAILED_STATE, e.getSQLState());
      assertEquals(TestingAvaticaServer.FETCH_FAILED_CODE, e.getErrorCode());
      String failure = BrokenFeedTable.failure(SampleSchemaFactory.BROKEN_FEED_ROWS);
      assertTrue(e.getMessage().contains(failure), e.getMessage());
      assertFalse(e.getMessage().contains("\tat "), e.getMessage());
      assertFalse(e.getMessage().contains("Exception"), e.getMessage());

      try (ResultSet next = statement.executeQuery("select count(*) from quote_outcomes")) {
        assertTrue(next.next());
        assertEquals(2, next.getLong(1));
      }
    }
  }

  /** A gateway gone between two fetches is an SQLException too, naming the transport failure. */
  @Test void gatewayGoneBetweenFetchesIsAnSqlException() throws SQLException {
    TestingAvaticaServer server = new TestingAvaticaServer(Serialization.PROTOBUF);
    Connection connection = driver.connect(server.lakegateUrl("fetch_size=1"));
    try {
      Statement statement = connection.createStatement();
      statement.setFetchSize(1);
      ResultSet rs = statement.executeQuery("select n from broken_feed");
      for (int row = 1; row <= 100; row++) {
        assertTrue(rs.next());
      }
      server.close();
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertTrue(e.getMessage().startsWith("Error while fetching rows: "), e.getMessage());
    } finally {
      server.close();
      // The gateway is gone: closing the connection must not throw an unchecked exception either.
      assertThrows(SQLException.class, connection::close);
    }
  }

  @Test void avaticaClassNamesInPropertiesStillWork() throws SQLException {
    // AvaticaHttpClientImpl (HttpURLConnection) instead of the default Apache HttpClient 5,
    // named as Avatica documents it although the jar relocates it.
    String extra = "httpclient_impl=org.apache.calcite.avatica.remote.AvaticaHttpClientImpl";
    try (Connection connection = connect(Serialization.PROTOBUF, extra);
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("select max(quote_id) from quote_outcomes")) {
      assertTrue(rs.next());
      assertEquals(2, rs.getLong(1));
    }
  }

  @Test void propertiesMayComeFromInfoInsteadOfTheUrl() throws SQLException {
    Properties info = new Properties();
    info.setProperty("url", servers.get(Serialization.JSON).address());
    info.setProperty("serialization", "json");
    info.setProperty("user", "lakegate");
    info.setProperty("password", "");
    try (Connection connection = driver.connect("jdbc:lakegate:", info);
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("select network from partner_metrics "
             + "where partner_id = 11")) {
      assertTrue(rs.next());
      assertEquals("broker", rs.getString(1));
      assertNull(rs.getWarnings());
    }
  }

  private Connection connect(Serialization serialization, String extra) throws SQLException {
    return driver.connect(servers.get(serialization).lakegateUrl(extra));
  }
}
