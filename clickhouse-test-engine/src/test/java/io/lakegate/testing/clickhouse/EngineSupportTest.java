package io.lakegate.testing.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces around the engine: quoting, settings statements, errors, statuses, users, the library path. */
class EngineSupportTest {

    @Test
    void quotesIdentifiersAndStrings() {
        assertEquals("`we\\`ird\\\\name`", SqlLiterals.identifier("we`ird\\name"));
        assertEquals("'it\\'s a \\\\ test'", SqlLiterals.string("it's a \\ test"));
    }

    @Test
    void appliesAllSettingsOfOneSourceInOneSetStatement() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("readonly", "2");
        settings.put("max_execution_time", "5");
        assertEquals("SET `readonly` = '2', `max_execution_time` = '5'", QueryExecutor.setStatement(settings));
    }

    @Test
    void readsTheCodeFromClickHouseExceptionText() {
        ClickHouseError error = ClickHouseError.fromText("Code: 60. DB::Exception: Unknown table x. (UNKNOWN_TABLE)");
        assertEquals(60, error.code());
        assertEquals("Code: 60. DB::Exception: Unknown table x. (UNKNOWN_TABLE) (version 26.5.1.1)\n",
                error.httpBody("26.5.1.1"));
        assertEquals(ClickHouseError.UNKNOWN_EXCEPTION, ClickHouseError.fromText("no code here").code());
    }

    @Test
    void mapsErrorCodesToTheStatusesOfARealServer() {
        assertEquals(404, HttpStatuses.forErrorCode(60));
        assertEquals(400, HttpStatuses.forErrorCode(62));
        assertEquals(403, HttpStatuses.forErrorCode(516));
        assertEquals(408, HttpStatuses.forErrorCode(159));
        assertEquals(500, HttpStatuses.forErrorCode(164));
        assertEquals(500, HttpStatuses.forErrorCode(396));
    }

    @Test
    void usersNeverShowTheirPassword() throws Exception {
        Authenticator authenticator = new Authenticator(List.of(new EngineUser("ro", "top-secret", Map.of("readonly", "2"))));
        assertEquals(2, authenticator.authenticate(new Credentials("ro", "top-secret")).readonlyLevel());
        ClickHouseException wrong = assertThrows(ClickHouseException.class,
                () -> authenticator.authenticate(new Credentials("ro", "guess")));
        assertEquals(ClickHouseError.AUTHENTICATION_FAILED, wrong.error().code());
        assertFalse(new EngineUser("ro", "top-secret", Map.of()).toString().contains("top-secret"));
        assertFalse(new Credentials("ro", "top-secret").toString().contains("top-secret"));
    }

    @Test
    void locatesTheLibraryInTheCacheOfFetchChdb(@TempDir Path cache) throws Exception {
        Map<String, String> environment = Map.of("LAKEGATE_CACHE", cache.toString());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ChdbLibraryLocator.locate(environment, cache));
        assertTrue(missing.getMessage().contains(".ci/fetch-chdb"), missing.getMessage());

        Path library = cache.resolve("chdb/" + ChdbLibraryLocator.CHDB_VERSION + "/package/libchdb.so");
        Files.createDirectories(library.getParent());
        Files.createFile(library);
        assertEquals(library, ChdbLibraryLocator.locate(environment, cache));
        assertEquals(library, ChdbLibraryLocator.locate(Map.of("LAKEGATE_CHDB_LIB", library.toString()), cache));
        assertThrows(IllegalStateException.class,
                () -> ChdbLibraryLocator.locate(Map.of("LAKEGATE_CHDB_LIB", cache.resolve("nope.so").toString()), cache));
    }
}
