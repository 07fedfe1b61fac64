package io.lakegate.testing.clickhouse;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a {@link QueryRequest} from an HTTP request the way ClickHouse's HTTP handler does: which query
 * parameters are interface parameters and which are settings, where the database, format, query id
 * and credentials come from, and how the query text is assembled.
 */
final class QueryRequestReader {

    /** Interface parameters a real server consumes without treating them as settings. */
    private static final Set<String> RESERVED = Set.of("compress", "decompress", "user", "password", "quota_key",
            "query_id", "stacktrace", "buffer_size", "wait_end_of_query", "session_timeout", "session_check",
            "client_protocol_version", "close_session", "database", "default_format", "query");

    /** Interface parameters whose meaning the test engine cannot provide; refused rather than ignored. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "session_id", "HTTP sessions (session_id): every request gets a fresh session",
            "role", "roles (role): chDB has no access storage to define them in");

    private static final String PARAMETER_PREFIX = "param_";

    private QueryRequestReader() {
    }

    static QueryRequest read(String method, String rawQuery, Headers headers, InputStream body)
            throws IOException, ClickHouseException {
        List<Map.Entry<String, String>> query = decodeQuery(rawQuery);
        for (Map.Entry<String, String> parameter : query) {
            String reason = UNSUPPORTED.get(parameter.getKey());
            if (reason != null) {
                throw new ClickHouseException(ClickHouseError.of(ClickHouseError.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                        "The ClickHouse test engine does not support " + reason));
            }
        }
        Credentials credentials = credentials(headers, query);
        String database = firstNonEmpty(headers.getFirst("X-ClickHouse-Database"), first(query, "database"));
        String format = firstNonEmpty(headers.getFirst("X-ClickHouse-Format"), first(query, "default_format"));
        String queryId = firstNonEmpty(first(query, "query_id"), headers.getFirst("X-ClickHouse-Query-Id"));

        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : query) {
            String name = parameter.getKey();
            if (name.isEmpty() || RESERVED.contains(name)) {
                continue;
            }
            if (name.startsWith(PARAMETER_PREFIX)) {
                // The first value wins, as in ClickHouse's handler.
                parameters.putIfAbsent(name.substring(PARAMETER_PREFIX.length()), parameter.getValue());
            } else {
                settings.put(name, parameter.getValue());
            }
        }

        byte[] bodyBytes = isTrue(first(query, "decompress"))
                ? NativeCompression.decompress(body)
                : body.readAllBytes();
        String queryParameter = first(query, "query");
        String sql = (queryParameter == null || queryParameter.isEmpty() ? "" : queryParameter + "\n")
                + new String(bodyBytes, StandardCharsets.UTF_8);

        return new QueryRequest("GET".equalsIgnoreCase(method), sql, database,
                format == null ? QueryRequest.DEFAULT_FORMAT : format, settings, parameters,
                queryId == null ? UUID.randomUUID().toString() : queryId,
                isTrue(first(query, "compress")), credentials);
    }

    /**
     * One scheme per request, as in ClickHouse: {@code X-ClickHouse-User}/{@code Key} headers, or an
     * {@code Authorization: Basic} header, or {@code user}/{@code password} parameters, or nothing
     * (the {@code default} user without password).
     */
    private static Credentials credentials(Headers headers, List<Map.Entry<String, String>> query)
            throws ClickHouseException {
        String headerUser = headers.getFirst("X-ClickHouse-User");
        String headerKey = headers.getFirst("X-ClickHouse-Key");
        String authorization = headers.getFirst("Authorization");
        boolean inParameters = first(query, "user") != null || first(query, "password") != null;
        boolean inHeaders = notEmpty(headerUser) || notEmpty(headerKey);

        if (inHeaders) {
            if (authorization != null) {
                throw invalid("it is not allowed to use X-ClickHouse HTTP headers and other authentication methods "
                        + "simultaneously");
            }
            if (inParameters) {
                throw invalid("it is not allowed to use X-ClickHouse HTTP headers and authentication via parameters "
                        + "simultaneously");
            }
            return new Credentials(notEmpty(headerUser) ? headerUser : "default", headerKey == null ? "" : headerKey);
        }
        if (authorization != null) {
            if (inParameters) {
                throw invalid("it is not allowed to use Authorization HTTP header and authentication via parameters "
                        + "simultaneously");
            }
            return basic(authorization);
        }
        String user = first(query, "user");
        String password = first(query, "password");
        return new Credentials(user == null ? "default" : user, password == null ? "" : password);
    }

    private static Credentials basic(String authorization) throws ClickHouseException {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (!"basic".equals(scheme.toLowerCase(Locale.ROOT))) {
            throw invalid("'" + scheme + "' HTTP Authorization scheme is not supported");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        return colon < 0
                ? new Credentials(decoded, "")
                : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static ClickHouseException invalid(String why) {
        return new ClickHouseException(ClickHouseError.of(ClickHouseError.AUTHENTICATION_FAILED,
                "AUTHENTICATION_FAILED", "Invalid authentication: " + why));
    }

    /** Splits and decodes {@code a=1&b=2} ({@code +} is a space, as in HTML forms); keeps order and repeats. */
    static List<Map.Entry<String, String>> decodeQuery(String rawQuery) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            result.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return result;
    }

    static String first(List<Map.Entry<String, String>> query, String name) {
        for (Map.Entry<String, String> parameter : query) {
            if (parameter.getKey().equals(name)) {
                return parameter.getValue();
            }
        }
        return null;
    }

    private static String firstNonEmpty(String preferred, String fallback) {
        return notEmpty(preferred) ? preferred : notEmpty(fallback) ? fallback : null;
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
