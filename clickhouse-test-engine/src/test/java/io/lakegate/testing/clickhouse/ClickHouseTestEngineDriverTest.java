package io.lakegate.testing.clickhouse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production clickhouse-jdbc driver, unchanged, against the test engine. */
class ClickHouseTestEngineDriverTest {

    private static final String READONLY_USER = "lakegate_ro";
    private static final String READONLY_PASSWORD = "s3cret-ro";

    private static ClickHouseTestEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
                .user("default", "")
                .user(READONLY_USER, READONLY_PASSWORD, Map.of("readonly", "2"))
                .build());
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private static Connection connect(String user, String password, Map<String, String> properties) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", user);
        info.setProperty("password", password);
        properties.forEach(info::setProperty);
        return DriverManager.getConnection(engine.jdbcUrl(), info);
    }

    private static Connection connect() throws SQLException {
        return connect("default", "", Map.of());
    }

    @Test
    void reportsClickHouseVersion() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).startsWith("26.5."), rows.getString(1));
            assertTrue(connection.getMetaData().getDatabaseProductVersion().startsWith("26.5"),
                    connection.getMetaData().getDatabaseProductVersion());
        }
    }

    @Test
    void readsEveryCommonTypeAsTheRightJavaValue() throws SQLException {
        String sql = "SELECT toUInt8(200) AS u8, toUInt16(60000) AS u16, toUInt32(4000000000) AS u32,"
                + " toUInt64('18000000000000000000') AS u64, toInt32(-2000000000) AS i32,"
                + " toInt64(-9000000000000000000) AS i64, toFloat64(2.5) AS f64, toDecimal64('12345.67', 2) AS dec,"
                + " 'Zürich' AS s, toLowCardinality('NFS') AS lc, CAST(NULL AS Nullable(Int32)) AS n_null,"
                + " CAST(7 AS Nullable(Int32)) AS n_val, toDate('2024-02-29') AS d, toDate32('1969-07-20') AS d32,"
                + " toDateTime('2024-03-10 12:34:56', 'UTC') AS dt, toDateTime64('2024-03-10 12:34:56.789', 3, 'UTC') AS dt64,"
                + " true AS b";
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            assertAll(
                    () -> assertEquals(200, rows.getInt("u8")),
                    () -> assertEquals(60000, rows.getInt("u16")),
                    () -> assertEquals(4_000_000_000L, rows.getLong("u32")),
                    () -> assertEquals(new BigInteger("18000000000000000000"), rows.getObject("u64", BigInteger.class)),
                    () -> assertEquals(new BigDecimal("18000000000000000000"), rows.getBigDecimal("u64")),
                    () -> assertEquals(-2_000_000_000, rows.getInt("i32")),
                    () -> assertEquals(-9_000_000_000_000_000_000L, rows.getLong("i64")),
                    () -> assertEquals(2.5, rows.getDouble("f64")),
                    () -> assertEquals(new BigDecimal("12345.67"), rows.getBigDecimal("dec")),
                    () -> assertEquals("Zürich", rows.getString("s")),
                    () -> assertEquals("NFS", rows.getString("lc")),
                    () -> assertNull(rows.getObject("n_null")),
                    () -> assertEquals(7, rows.getInt("n_val")),
                    () -> assertEquals(LocalDate.of(2024, 2, 29), rows.getObject("d", LocalDate.class)),
                    () -> assertEquals(LocalDate.of(1969, 7, 20), rows.getObject("d32", LocalDate.class)),
                    () -> assertEquals(LocalDateTime.of(2024, 3, 10, 12, 34, 56), rows.getObject("dt", LocalDateTime.class)),
                    () -> assertEquals(OffsetDateTime.of(2024, 3, 10, 12, 34, 56, 789_000_000, ZoneOffset.UTC).toInstant(),
                            rows.getTimestamp("dt64").toInstant()),
                    () -> assertTrue(rows.getBoolean("b")),
                    () -> assertEquals(Boolean.TRUE, rows.getObject("b")));
            assertFalse(rows.next());
        }
    }

    @Test
    void queriesAParquetFileThatClickHouseWrote(@TempDir Path lake) throws Exception {
        Path file = lake.resolve("quotes.parquet");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO FUNCTION file('" + file + "', Parquet)"
                    + " SELECT number AS id, toDate('2024-01-01') + (number % 3) AS date, number * 1.5 AS amount"
                    + " FROM numbers(10)");
            assertTrue(Files.size(file) > 0);
            statement.execute("CREATE DATABASE IF NOT EXISTS lake");
            statement.execute("CREATE TABLE lake.quotes (id UInt64, date Date, amount Float64)"
                    + " ENGINE = File(Parquet, '" + file + "')");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT date, count() AS n, sum(amount) AS total FROM lake.quotes GROUP BY date ORDER BY date")) {
                assertTrue(rows.next());
                assertEquals(LocalDate.of(2024, 1, 1), rows.getObject("date", LocalDate.class));
                assertEquals(4, rows.getLong("n"));
                assertEquals((0 + 3 + 6 + 9) * 1.5, rows.getDouble("total"));
                assertTrue(rows.next());
                assertTrue(rows.next());
                assertEquals(LocalDate.of(2024, 1, 3), rows.getObject("date", LocalDate.class));
                assertFalse(rows.next());
            }
            try (ResultSet rows = statement.executeQuery("SELECT count() FROM file('" + file + "', Parquet) WHERE id >= 5")) {
                assertTrue(rows.next());
                assertEquals(5, rows.getLong(1));
            }
        }
    }

    @Test
    void databaseMetadataListsTablesAndColumns() throws SQLException {
        // Calcite's JDBC adapter discovers ClickHouse tables through exactly these calls.
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS meta");
            statement.execute("CREATE TABLE IF NOT EXISTS meta.partner_metrics (partner_id UInt32, date Date,"
                    + " revenue Decimal(18, 2), region LowCardinality(String)) ENGINE = Memory");
            try (ResultSet tables = connection.getMetaData().getTables(null, "meta", "%", null)) {
                assertTrue(tables.next());
                assertEquals("partner_metrics", tables.getString("TABLE_NAME"));
                assertEquals("meta", tables.getString("TABLE_SCHEM"));
                assertFalse(tables.next());
            }
            try (ResultSet columns = connection.getMetaData().getColumns(null, "meta", "partner_metrics", "%")) {
                StringBuilder seen = new StringBuilder();
                while (columns.next()) {
                    seen.append(columns.getString("COLUMN_NAME")).append(':').append(columns.getString("TYPE_NAME")).append(' ');
                }
                assertEquals("partner_id:UInt32 date:Date revenue:Decimal(18, 2) region:LowCardinality(String) ",
                        seen.toString());
            }
        }
    }

    @Test
    void unknownTableArrivesWithClickHouseCodeAndText() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT * FROM no_such_table"));
            assertEquals(60, error.getErrorCode());
            assertTrue(error.getMessage().contains("Unknown table expression identifier 'no_such_table'"), error.getMessage());
            assertTrue(error.getMessage().contains("UNKNOWN_TABLE"), error.getMessage());
        }
    }

    @Test
    void urlSettingsApplyToTheQueriesOfThatConnectionOnly() throws SQLException {
        String twoRows = "SELECT number FROM numbers(2)";
        try (Connection limited = connect("default", "", Map.of(
                        "clickhouse_setting_max_result_rows", "1",
                        "clickhouse_setting_result_overflow_mode", "throw"));
                Statement statement = limited.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(twoRows));
            assertEquals(396, error.getErrorCode(), error.getMessage());
            assertTrue(error.getMessage().contains("Limit for result exceeded"), error.getMessage());
        }
        try (Connection plain = connect(); Statement statement = plain.createStatement();
                ResultSet rows = statement.executeQuery(twoRows)) {
            assertTrue(rows.next());
            assertTrue(rows.next());
            assertFalse(rows.next());
        }
    }

    @Test
    void readonlyTwoRejectsWritesButAllowsSettings() throws SQLException {
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS default.writes (x UInt8) ENGINE = Memory");
        }
        try (Connection readonly = connect("default", "", Map.of("clickhouse_setting_readonly", "2",
                        "clickhouse_setting_max_execution_time", "5"));
                Statement statement = readonly.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO default.writes VALUES (1)"));
            assertEquals(164, error.getErrorCode(), error.getMessage());
            try (ResultSet rows = statement.executeQuery("SELECT getSetting('readonly'), getSetting('max_execution_time')")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getInt(1));
                assertEquals(5, rows.getInt(2));
            }
        }
        try (Connection profile = connect(READONLY_USER, READONLY_PASSWORD, Map.of());
                Statement statement = profile.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.execute("CREATE TABLE default.nope (x UInt8) ENGINE = Memory"));
            assertEquals(164, error.getErrorCode(), error.getMessage());
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationError() throws SQLException {
        // clickhouse-jdbc 0.11 opens connections without a round trip: the first statement meets the check.
        try (Connection connection = connect(READONLY_USER, "wrong", Map.of());
                Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1"));
            assertEquals(516, error.getErrorCode(), messages(error));
            assertTrue(error.getMessage().contains(READONLY_USER + ": Authentication failed"), messages(error));
        }
    }

    @Test
    void statementLogHoldsEachStatementOnce() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        try (Connection connection = connect(READONLY_USER, READONLY_PASSWORD,
                        Map.of("clickhouse_setting_max_threads", "1"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT '" + marker + "' AS m")) {
            assertTrue(rows.next());
            assertEquals(marker, rows.getString(1));
        }
        List<StatementRecord> logged = engine.statements().stream().filter(r -> r.sql().contains(marker)).toList();
        assertEquals(1, logged.size(), logged.toString());
        StatementRecord record = logged.get(0);
        assertEquals(READONLY_USER, record.user());
        assertTrue(record.succeeded());
        assertEquals(200, record.httpStatus());
        assertEquals(1, record.resultRows());
        assertEquals("1", record.settings().get("max_threads"));
        assertEquals("RowBinaryWithNamesAndTypes", record.format());
        assertTrue(record.compressed(), "clickhouse-jdbc asks for compress=1 by default");
        assertFalse(engine.statements().toString().contains(READONLY_PASSWORD), "the password must never be logged");
    }

    @Test
    void compressedAndPlainResponsesCarryTheSameRows() throws SQLException {
        // Several 1 MiB compressed blocks: RowBinary of 300k (UInt64, String) rows is about 4 MB.
        String sql = "SELECT number AS n, toString(number) AS s FROM numbers(300000)";
        for (String compress : List.of("true", "false")) {
            long before = engine.statements().size();
            try (Connection connection = connect("default", "", Map.of("compress", compress));
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                long count = 0;
                long sum = 0;
                while (rows.next()) {
                    assertEquals(Long.toString(rows.getLong(1)), rows.getString(2));
                    sum += rows.getLong(1);
                    count++;
                }
                assertEquals(300_000, count, "compress=" + compress);
                assertEquals(299_999L * 300_000 / 2, sum, "compress=" + compress);
            }
            List<StatementRecord> sent = engine.statements().subList((int) before, engine.statements().size());
            assertEquals(1, sent.size());
            assertEquals(Boolean.parseBoolean(compress), sent.get(0).compressed());
        }
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
