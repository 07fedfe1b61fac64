package io.lakegate.testing.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which parts of an HTTP request become the statement, the settings, the parameters and the credentials. */
class QueryRequestReaderTest {

    private static QueryRequest read(String method, String rawQuery, Headers headers, String body) throws Exception {
        return QueryRequestReader.read(method, rawQuery, headers,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void splitsInterfaceParametersSettingsAndQueryParameters() throws Exception {
        QueryRequest request = read("POST",
                "compress=1&wait_end_of_query=1&readonly=2&max_execution_time=5&param_day=2024-01-01"
                        + "&database=lake&default_format=JSON&query_id=q7&user=u&password=p&query=SELECT%201",
                new Headers(), "FORMAT TSV");
        assertEquals(Map.of("readonly", "2", "max_execution_time", "5"), request.settings());
        assertEquals(Map.of("day", "2024-01-01"), request.parameters());
        assertEquals("lake", request.database());
        assertEquals("JSON", request.format());
        assertEquals("q7", request.queryId());
        assertTrue(request.compress());
        assertFalse(request.readOnlyMethod());
        assertEquals("SELECT 1\nFORMAT TSV", request.sql());
        assertEquals(new Credentials("u", "p"), request.credentials());
    }

    @Test
    void headersWinOverParametersForDatabaseAndFormat() throws Exception {
        Headers headers = new Headers();
        headers.add("X-ClickHouse-Database", "from_header");
        headers.add("X-ClickHouse-Format", "RowBinaryWithNamesAndTypes");
        QueryRequest request = read("GET", "database=from_param&default_format=CSV&query=SELECT+1", headers, "");
        assertEquals("from_header", request.database());
        assertEquals("RowBinaryWithNamesAndTypes", request.format());
        assertEquals("SELECT 1\n", request.sql());
        assertTrue(request.readOnlyMethod());
    }

    @Test
    void defaultsAreTheDefaultUserAndTabSeparated() throws Exception {
        QueryRequest request = read("POST", null, new Headers(), "SELECT 1");
        assertEquals(new Credentials("default", ""), request.credentials());
        assertEquals("TabSeparated", request.format());
        assertNull(request.database());
        assertFalse(request.queryId().isEmpty());
    }

    @Test
    void readsBasicAndClickHouseHeaderCredentials() throws Exception {
        Headers basic = new Headers();
        basic.add("Authorization", "Basic " + Base64.getEncoder().encodeToString("ro:a:b".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new Credentials("ro", "a:b"), read("POST", null, basic, "SELECT 1").credentials());

        Headers clickhouse = new Headers();
        clickhouse.add("X-ClickHouse-User", "ro");
        clickhouse.add("X-ClickHouse-Key", "k");
        assertEquals(new Credentials("ro", "k"), read("POST", null, clickhouse, "SELECT 1").credentials());
    }

    @Test
    void refusesMixedAuthenticationAndUnsupportedParameters() {
        Headers headers = new Headers();
        headers.add("Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)));
        ClickHouseException mixed = assertThrows(ClickHouseException.class,
                () -> read("POST", "user=a", headers, "SELECT 1"));
        assertEquals(ClickHouseError.AUTHENTICATION_FAILED, mixed.error().code());

        Headers bearer = new Headers();
        bearer.add("Authorization", "Bearer token");
        assertEquals(ClickHouseError.AUTHENTICATION_FAILED, assertThrows(ClickHouseException.class,
                () -> read("POST", null, bearer, "SELECT 1")).error().code());

        ClickHouseException session = assertThrows(ClickHouseException.class,
                () -> read("POST", "session_id=x", new Headers(), "SELECT 1"));
        assertEquals(ClickHouseError.NOT_IMPLEMENTED, session.error().code());
    }

    @Test
    void decompressesACompressedBody() throws Exception {
        byte[] body = NativeCompression.compress("SELECT 'ä'".getBytes(StandardCharsets.UTF_8));
        QueryRequest request = QueryRequestReader.read("POST", "decompress=1", new Headers(), new ByteArrayInputStream(body));
        assertEquals("SELECT 'ä'", request.sql());
    }
}
