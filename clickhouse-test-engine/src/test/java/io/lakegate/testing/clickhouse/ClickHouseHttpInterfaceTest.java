package io.lakegate.testing.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ClickHouse's HTTP interface as plain HTTP clients (curl, load balancers) see it. */
class ClickHouseHttpInterfaceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ClickHouseTestEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
                .user("default", "")
                .user("analyst", "pa:ss")
                .build());
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(engine.httpUrl() + pathAndQuery)).GET();
    }

    private static HttpRequest.Builder post(String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create(engine.httpUrl() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String query(String sql) {
        return "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    @Test
    void healthPathsAnswerOk() throws Exception {
        for (String path : List.of("/", "/ping", "/replicas_status")) {
            HttpResponse<byte[]> response = send(get(path));
            assertEquals(200, response.statusCode(), path);
            assertEquals("Ok.\n", text(response), path);
        }
        assertEquals(404, send(get("/play")).statusCode());
    }

    @Test
    void queryParameterAndBodyFormOneStatement() throws Exception {
        HttpResponse<byte[]> response = send(post(query("SELECT number * 10 FROM numbers(3)"), "WHERE number > 0"));
        assertEquals(200, response.statusCode(), text(response));
        assertEquals("10\n20\n", text(response));
        assertEquals("TabSeparated", response.headers().firstValue("X-ClickHouse-Format").orElseThrow());
        assertEquals("UTC", response.headers().firstValue("X-ClickHouse-Timezone").orElseThrow());
        assertTrue(response.headers().firstValue("X-ClickHouse-Summary").orElseThrow().contains("\"result_rows\":\"2\""));
    }

    @Test
    void databaseFormatAndQueryIdComeFromHeadersOrParameters() throws Exception {
        HttpResponse<byte[]> response = send(post("/?database=system&default_format=CSV&query_id=q-1",
                "SELECT currentDatabase(), 'x'"));
        assertEquals("\"system\",\"x\"\n", text(response));
        assertEquals("q-1", response.headers().firstValue("X-ClickHouse-Query-Id").orElseThrow());
        response = send(post("/", "SELECT currentDatabase()")
                .header("X-ClickHouse-Database", "system").header("X-ClickHouse-Format", "JSONEachRow"));
        assertEquals("{\"currentDatabase()\":\"system\"}\n", text(response));
        assertEquals("application/json; charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void errorsCarryClickHouseStatusCodeAndText() throws Exception {
        HttpResponse<byte[]> unknownTable = send(post("/", "SELECT * FROM nowhere"));
        assertEquals(404, unknownTable.statusCode());
        assertEquals("60", unknownTable.headers().firstValue("X-ClickHouse-Exception-Code").orElseThrow());
        assertTrue(text(unknownTable).startsWith("Code: 60. DB::Exception: Unknown table expression identifier 'nowhere'"),
                text(unknownTable));
        assertTrue(text(unknownTable).endsWith("(UNKNOWN_TABLE) (version 26.5.1.1)\n"), text(unknownTable));

        HttpResponse<byte[]> syntax = send(post("/", "SELEC 1"));
        assertEquals(400, syntax.statusCode());
        assertEquals("62", syntax.headers().firstValue("X-ClickHouse-Exception-Code").orElseThrow());

        HttpResponse<byte[]> unknownDatabase = send(post("/?database=nodb", "SELECT 1"));
        assertEquals(404, unknownDatabase.statusCode());
        assertEquals("81", unknownDatabase.headers().firstValue("X-ClickHouse-Exception-Code").orElseThrow());

        HttpResponse<byte[]> unknownSetting = send(post("/?no_such_setting=1", "SELECT 1"));
        assertEquals(404, unknownSetting.statusCode());
        assertEquals("115", unknownSetting.headers().firstValue("X-ClickHouse-Exception-Code").orElseThrow());

        HttpResponse<byte[]> session = send(post("/?session_id=s1", "SELECT 1"));
        assertEquals(501, session.statusCode());
        assertTrue(text(session).contains("does not support HTTP sessions"), text(session));
    }

    @Test
    void getRunsReadOnlyAsOnARealServer() throws Exception {
        assertEquals(200, send(post("/", "CREATE TABLE IF NOT EXISTS get_target (x UInt8) ENGINE = Memory")).statusCode());
        HttpResponse<byte[]> insert = send(get(query("INSERT INTO get_target VALUES (1)")));
        assertEquals("164", insert.headers().firstValue("X-ClickHouse-Exception-Code").orElseThrow(), text(insert));
        assertEquals(200, send(post("/", "INSERT INTO get_target VALUES (1)")).statusCode());
    }

    @Test
    void serverSideParametersBindPlaceholders() throws Exception {
        HttpResponse<byte[]> response = send(post("/?param_n=41&param_s=" + URLEncoder.encode("it's", StandardCharsets.UTF_8),
                "SELECT {n:UInt8} + 1, {s:String}"));
        assertEquals("42\tit\\'s\n", text(response));
    }

    @Test
    void everyAuthenticationSchemeIsChecked() throws Exception {
        String sql = "SELECT currentUser()";
        String basic = "Basic " + Base64.getEncoder().encodeToString("analyst:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, send(post("/", sql).header("Authorization", basic)).statusCode());
        assertEquals(200, send(post("/", sql).header("X-ClickHouse-User", "analyst").header("X-ClickHouse-Key", "pa:ss"))
                .statusCode());
        assertEquals(200, send(post("/?user=analyst&password=" + URLEncoder.encode("pa:ss", StandardCharsets.UTF_8), sql))
                .statusCode());

        HttpResponse<byte[]> wrong = send(post("/", sql).header("X-ClickHouse-User", "analyst").header("X-ClickHouse-Key", "x"));
        assertEquals(403, wrong.statusCode());
        assertEquals("516", wrong.headers().firstValue("X-ClickHouse-Exception-Code").orElseThrow());
        HttpResponse<byte[]> mixed = send(post("/?user=analyst", sql).header("Authorization", basic));
        assertEquals(403, mixed.statusCode());
        assertTrue(text(mixed).contains("Invalid authentication"), text(mixed));
    }

    @Test
    void compressedResponsesAndRequestsUseClickHouseFraming() throws Exception {
        String sql = "SELECT number, repeat('x', 40) FROM numbers(50000)";
        byte[] plain = send(post("/", sql)).body();
        HttpResponse<byte[]> compressed = send(post("/?compress=1", sql));
        assertTrue(compressed.body().length < plain.length, "LZ4 shrinks repetitive text");
        assertArrayEquals(plain, NativeCompression.decompress(new ByteArrayInputStream(compressed.body())));

        byte[] body = NativeCompression.compress("SELECT 'sent compressed'".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(engine.httpUrl() + "/?decompress=1"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals("sent compressed\n", text(response));
    }

    @Test
    void checksumsAgreeWithClickHouseOwnCompressedFiles() throws Exception {
        // MergeTree data files use the same block framing, checksummed by ClickHouse itself.
        assertEquals(200, send(post("/", "CREATE TABLE checksummed (k UInt64, v String) ENGINE = MergeTree ORDER BY k"))
                .statusCode());
        assertEquals(200, send(post("/", "INSERT INTO checksummed SELECT number, toString(number * 7) FROM numbers(20000)"))
                .statusCode());
        String partPath = text(send(post("/", "SELECT path FROM system.parts WHERE table = 'checksummed' AND active")))
                .strip();
        Path dataFile = Path.of(partPath, "data.bin");
        assertTrue(Files.isRegularFile(dataFile), "compact part file " + dataFile);
        byte[] uncompressed;
        try (InputStream in = Files.newInputStream(dataFile)) {
            uncompressed = NativeCompression.decompress(in);
        }
        // 20000 UInt64 keys plus 20000 length-prefixed strings: every block's checksum matched ours.
        assertTrue(uncompressed.length > 20_000 * 8, "decompressed " + uncompressed.length + " bytes");
    }

    @Test
    void statementsEndpointListsTheLogAfterAPosition() throws Exception {
        long before = engine.statements().size();
        send(post("/", "SELECT 'endpoint-check'"));
        HttpResponse<byte[]> response = send(get(ClickHouseHttpHandler.STATEMENTS_PATH + "?after=" + before));
        assertEquals(200, response.statusCode());
        String[] lines = text(response).split("\n");
        assertEquals(1, lines.length, text(response));
        assertTrue(lines[0].contains("\"sql\":\"SELECT 'endpoint-check'\""), lines[0]);
        assertTrue(lines[0].contains("\"seq\":" + (before + 1) + ","), lines[0]);
        assertEquals(Map.of(), engine.statements().get((int) before).settings());
    }
}
