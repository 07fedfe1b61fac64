package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query request of ClickHouse's HTTP interface, taken apart: the statement, where and how to run it,
 * and how to answer.
 *
 * @param readOnlyMethod true for GET (a real server then runs the query with {@code readonly=2} unless
 *                       the user's profile is already read-only)
 * @param sql            the {@code query} parameter, a newline and the request body
 * @param database       the database ({@code X-ClickHouse-Database} or {@code database}), or null
 * @param format         the default output format ({@code X-ClickHouse-Format} or {@code default_format})
 * @param settings       every query parameter that is not an HTTP-interface parameter, in order
 * @param parameters     the {@code param_<name>} values, keyed by name
 * @param queryId        the {@code query_id} parameter or {@code X-ClickHouse-Query-Id} header, or a new id
 * @param compress       whether to answer in ClickHouse's compressed block framing ({@code compress=1})
 * @param credentials    the presented credentials
 */
record QueryRequest(boolean readOnlyMethod, String sql, String database, String format,
        Map<String, String> settings, Map<String, String> parameters, String queryId, boolean compress,
        Credentials credentials) {

    /** ClickHouse's default output format over HTTP. */
    static final String DEFAULT_FORMAT = "TabSeparated";

    QueryRequest {
        requireNonNull(sql, "sql");
        requireNonNull(format, "format");
        requireNonNull(queryId, "queryId");
        requireNonNull(credentials, "credentials");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(settings, "settings")));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters")));
    }
}
