package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement the test engine received over HTTP and what became of it: one line of the statement
 * log. Passwords never appear here (they are neither settings nor statement text).
 *
 * @param seq          position in the log, unique across restarts of one engine
 * @param time         when the request arrived (ISO-8601, UTC)
 * @param queryId      the request's query id, or the one the engine made up
 * @param user         the user name the request authenticated (or tried to authenticate) as
 * @param database     the request's database, or null for the default one
 * @param format       the output format asked for
 * @param compressed   whether the response used ClickHouse's compressed framing ({@code compress=1})
 * @param settings     the request's settings (query parameters that are not HTTP-interface parameters)
 * @param parameters   the request's {@code param_*} query parameters, without the prefix
 * @param sql          the statement text as executed
 * @param outcome      {@code ok} or {@code error}
 * @param errorCode    ClickHouse's error code, 0 when ok
 * @param error        ClickHouse's error text, null when ok
 * @param httpStatus   the HTTP status of the response
 * @param resultRows   rows in the result
 * @param resultBytes  bytes of the result, uncompressed
 * @param readRows     rows read from storage
 * @param readBytes    bytes read from storage
 * @param writtenRows  rows written
 * @param elapsedMs    time from request arrival to response, in milliseconds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatementRecord(long seq, String time, String queryId, String user, String database, String format,
        boolean compressed, Map<String, String> settings, Map<String, String> parameters, String sql, String outcome, int errorCode,
        String error, int httpStatus, long resultRows, long resultBytes, long readRows, long readBytes,
        long writtenRows, long elapsedMs) {

    public static final String OK = "ok";
    public static final String ERROR = "error";

    public StatementRecord {
        requireNonNull(time, "time");
        requireNonNull(queryId, "queryId");
        requireNonNull(user, "user");
        requireNonNull(sql, "sql");
        requireNonNull(outcome, "outcome");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    public boolean succeeded() {
        return OK.equals(outcome);
    }

    StatementRecord withSeq(long newSeq) {
        return new StatementRecord(newSeq, time, queryId, user, database, format, compressed, settings, parameters,
                sql, outcome,
                errorCode, error, httpStatus, resultRows, resultBytes, readRows, readBytes, writtenRows, elapsedMs);
    }
}
