package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One chDB connection: its own ClickHouse session (current database, settings), as a real server gives
 * every HTTP request without {@code session_id}. Not for concurrent use; close it after the request.
 */
final class ChdbSession implements AutoCloseable {

    private final ChdbLibrary library;
    private final Pointer connectionRef;
    private final Pointer connection;
    private boolean closed;

    ChdbSession(ChdbLibrary library, Pointer connectionRef) {
        this.library = requireNonNull(library, "library");
        this.connectionRef = requireNonNull(connectionRef, "connectionRef");
        this.connection = requireNonNull(connectionRef.getPointer(0), "chdb_connect returned an empty connection");
    }

    /** Runs one statement; {@code parameters} bind {@code {name:Type}} placeholders like HTTP {@code param_*}. */
    ChdbResult execute(String sql, String format, Map<String, String> parameters) {
        requireNonNull(sql, "sql");
        requireNonNull(format, "format");
        requireNonNull(parameters, "parameters");
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        Pointer result;
        if (parameters.isEmpty()) {
            byte[] query = sql.getBytes(StandardCharsets.UTF_8);
            byte[] formatBytes = format.getBytes(StandardCharsets.UTF_8);
            result = library.chdb_query_n(connection, query, query.length, formatBytes, formatBytes.length);
        } else {
            String[] names = parameters.keySet().toArray(String[]::new);
            String[] values = parameters.values().toArray(String[]::new);
            result = library.chdb_query_with_params(connection, sql, format, names, values, names.length);
        }
        if (result == null) {
            return ChdbResult.failed(ClickHouseError.of(ClickHouseError.UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION",
                    "chdb returned no result object"));
        }
        try {
            return readResult(result);
        } finally {
            library.chdb_destroy_query_result(result);
        }
    }

    ChdbResult execute(String sql) {
        return execute(sql, "TabSeparated", Map.of());
    }

    private ChdbResult readResult(Pointer result) {
        Pointer error = library.chdb_result_error(result);
        if (error != null) {
            // chDB leaves the counters of a failed result undefined: read none of them.
            return ChdbResult.failed(ClickHouseError.fromText(error.getString(0, StandardCharsets.UTF_8.name())));
        }
        long length = library.chdb_result_length(result);
        Pointer buffer = library.chdb_result_buffer(result);
        if (length > Integer.MAX_VALUE - 64) {
            return ChdbResult.failed(ClickHouseError.of(ClickHouseError.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                    "the test engine buffers results in memory and cannot return " + length + " bytes"));
        }
        byte[] output = length == 0 || buffer == null ? new byte[0] : buffer.getByteArray(0, (int) length);
        return new ChdbResult(output, Optional.empty(),
                library.chdb_result_rows_read(result),
                library.chdb_result_bytes_read(result),
                library.chdb_result_storage_rows_read(result),
                library.chdb_result_storage_bytes_read(result),
                library.chdb_result_rows_written(result),
                library.chdb_result_bytes_written(result),
                Math.round(library.chdb_result_elapsed(result) * 1e9));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            library.chdb_close_conn(connectionRef);
        }
    }
}
