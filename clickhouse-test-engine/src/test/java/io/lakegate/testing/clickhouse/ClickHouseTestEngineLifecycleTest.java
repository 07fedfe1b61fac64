package io.lakegate.testing.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What failover tests do to the engine (kill, pause, restart) and what the driver sees. */
class ClickHouseTestEngineLifecycleTest {

    private static Properties driverProperties() {
        Properties info = new Properties();
        info.setProperty("user", "default");
        info.setProperty("password", "");
        info.setProperty("socket_timeout", "1000");
        return info;
    }

    private static long selectOne(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, driverProperties());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 41 + 1")) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    @Test
    void pausedEngineMakesTheDriverTimeOutAndAnswersAgainAfterResume() throws Exception {
        try (ClickHouseTestEngine engine = ClickHouseTestEngine.start()) {
            assertEquals(42, selectOne(engine.jdbcUrl()));
            engine.pause();
            long started = System.nanoTime();
            SQLException error = assertThrows(SQLException.class, () -> selectOne(engine.jdbcUrl()));
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(hasCause(error, SocketTimeoutException.class), describe(error));
            assertTrue(waitedMs >= 1000, "the 1 s socket timeout fired after " + waitedMs + " ms");
            engine.resume();
            assertEquals(42, selectOne(engine.jdbcUrl()));
        }
    }

    @Test
    void killedEngineRefusesConnectionsAndServesAgainAfterRestartOnTheSamePort() throws Exception {
        try (ClickHouseTestEngine engine = ClickHouseTestEngine.start()) {
            int port = engine.port();
            long firstPid = engine.pid();
            assertEquals(42, selectOne(engine.jdbcUrl()));
            engine.kill();
            SQLException error = assertThrows(SQLException.class, () -> selectOne(engine.jdbcUrl()));
            assertTrue(hasCause(error, ConnectException.class), describe(error));

            engine.restart();
            assertEquals(port, engine.port());
            assertFalse(firstPid == engine.pid(), "restart starts a new process");
            assertEquals(42, selectOne(engine.jdbcUrl()));
            // The log spans both processes: the failed attempt never reached an engine, so two statements.
            assertEquals(2, engine.statements().stream().filter(r -> r.sql().equals("SELECT 41 + 1")).count());
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
