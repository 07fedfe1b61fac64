package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse's HTTP interface over the chDB engine: health paths, queries, and the testing-only
 * statement log endpoint. This is the only layer of the test engine that is not ClickHouse's own code;
 * docs/clickhouse-test-engine.md lists every way it differs from a real server.
 */
final class ClickHouseHttpHandler implements HttpHandler {

    static final String STATEMENTS_PATH = "/_lakegate/statements";

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpHandler.class);
    private static final String OK = "Ok.\n";
    private static final int STD_EXCEPTION = 1001;
    /** ClickHouse's default keep_alive_timeout; the JDK server keeps idle connections longer than this. */
    private static final String KEEP_ALIVE = "timeout=10";

    private final ChdbEngine engine;
    private final Authenticator authenticator;
    private final QueryExecutor executor;
    private final StatementLog statementLog;

    ClickHouseHttpHandler(ChdbEngine engine, Authenticator authenticator, StatementLog statementLog) {
        this.engine = requireNonNull(engine, "engine");
        this.authenticator = requireNonNull(authenticator, "authenticator");
        this.executor = new QueryExecutor(engine);
        this.statementLog = requireNonNull(statementLog, "statementLog");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOG.error("request {} {} failed inside the test engine", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e);
                if (exchange.getResponseCode() == -1) {
                    // Still time to answer: the client must see a ClickHouse-shaped error, not a dropped connection.
                    ClickHouseError error = ClickHouseError.of(STD_EXCEPTION, "STD_EXCEPTION",
                            "The ClickHouse test engine failed: " + e + "; see its engine.log");
                    exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", Integer.toString(STD_EXCEPTION));
                    sendText(exchange, 500, error.httpBody(engine.version()));
                }
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/ping") || path.equals("/replicas_status")) {
            sendText(exchange, 200, OK);
        } else if (path.equals(STATEMENTS_PATH)) {
            sendStatements(exchange);
        } else if (!path.equals("/")) {
            sendText(exchange, 404, "There is no handle " + exchange.getRequestURI() + "\n\n"
                    + "Use / or /ping for health checks.\n"
                    + "Send queries with POST or GET /?query=...\n"
                    + "This is the lakegate ClickHouse test engine; " + STATEMENTS_PATH + " lists the statements.\n");
        } else if (method.equals("GET") && exchange.getRequestURI().getRawQuery() == null) {
            sendText(exchange, 200, OK);
        } else if (method.equals("GET") || method.equals("POST")) {
            handleQuery(exchange);
        } else {
            sendText(exchange, 405, "HTTP method " + method + " is not supported\n");
        }
    }

    private void handleQuery(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant arrived = Instant.now();
        QueryRequest request = null;
        ChdbResult result;
        boolean authenticated = false;
        try {
            request = QueryRequestReader.read(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), exchange.getRequestBody());
            EngineUser user = authenticator.authenticate(request.credentials());
            authenticated = true;
            result = executor.execute(request, user);
        } catch (ClickHouseException e) {
            result = ChdbResult.failed(e.error());
        }

        int status = result.error().map(error -> HttpStatuses.forErrorCode(error.code())).orElse(200);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        // A real server compresses whatever goes through its query output, errors included; errors raised
        // before that output exists (authentication, malformed requests) go out plain.
        boolean compressed = request != null && request.compress() && authenticated;
        statementLog.append(record(arrived, request, compressed, result, status, elapsedMs));

        Headers headers = exchange.getResponseHeaders();
        headers.set("X-ClickHouse-Server-Display-Name", engine.hostName());
        headers.set("Keep-Alive", KEEP_ALIVE);
        if (request != null) {
            headers.set("X-ClickHouse-Query-Id", request.queryId());
        }
        byte[] body;
        if (result.succeeded()) {
            headers.set("Content-Type", OutputFormats.contentType(request.format()));
            headers.set("X-ClickHouse-Format", request.format());
            headers.set("X-ClickHouse-Timezone", timezone(request));
            headers.set("X-ClickHouse-Summary", summary(result, started));
            body = result.output();
        } else {
            ClickHouseError error = result.error().orElseThrow();
            headers.set("Content-Type", "text/plain; charset=UTF-8");
            headers.set("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
            body = error.httpBody(engine.version()).getBytes(StandardCharsets.UTF_8);
        }
        if (compressed) {
            body = NativeCompression.compress(body);
        }
        send(exchange, status, body);
    }

    private String timezone(QueryRequest request) {
        String session = request.settings().get("session_timezone");
        return session == null || session.isEmpty() ? engine.timezone() : session;
    }

    private static String summary(ChdbResult result, long startedNanos) {
        return "{\"read_rows\":\"" + result.readRows()
                + "\",\"read_bytes\":\"" + result.readBytes()
                + "\",\"written_rows\":\"" + result.writtenRows()
                + "\",\"written_bytes\":\"" + result.writtenBytes()
                + "\",\"total_rows_to_read\":\"" + result.readRows()
                + "\",\"result_rows\":\"" + result.resultRows()
                + "\",\"result_bytes\":\"" + result.resultBytes()
                + "\",\"elapsed_ns\":\"" + (System.nanoTime() - startedNanos) + "\"}";
    }

    private static StatementRecord record(Instant arrived, QueryRequest request, boolean compressed, ChdbResult result,
            int status, long elapsedMs) {
        ClickHouseError error = result.error().orElse(null);
        return new StatementRecord(0, arrived.toString(),
                request == null ? "" : request.queryId(),
                request == null ? "" : request.credentials().user(),
                request == null ? null : request.database(),
                request == null ? null : request.format(),
                compressed,
                request == null ? Map.of() : request.settings(),
                request == null ? Map.of() : request.parameters(),
                request == null ? "" : request.sql(),
                error == null ? StatementRecord.OK : StatementRecord.ERROR,
                error == null ? 0 : error.code(),
                error == null ? null : error.text(),
                status, result.resultRows(), result.resultBytes(), result.readRows(), result.readBytes(),
                result.writtenRows(), elapsedMs);
    }

    private void sendStatements(HttpExchange exchange) throws IOException {
        long after = 0;
        String raw = QueryRequestReader.first(QueryRequestReader.decodeQuery(exchange.getRequestURI().getRawQuery()),
                "after");
        if (raw != null) {
            try {
                after = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                sendText(exchange, 400, "'after' must be a statement sequence number, got '" + raw + "'\n");
                return;
            }
        }
        List<String> lines = statementLog.linesAfter(after);
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append(line).append('\n'));
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=UTF-8");
        send(exchange, 200, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
