package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one request's statement the way a real server runs an HTTP query without {@code session_id}:
 * in a fresh session, in the request's database, with the user's profile and then the request's
 * settings applied to that session only.
 *
 * <p>The database becomes a {@code USE} statement and the settings one {@code SET a = '..', b = '..'}
 * statement per source; a single {@code SET} checks every change against the settings in force before
 * applying any, which is what the HTTP handler does with URL settings (so {@code readonly=1} together
 * with other settings is accepted, as on a real server). Values go in as strings and ClickHouse parses
 * them by the setting's type, as it does with URL parameters.
 */
final class QueryExecutor {

    private final ChdbEngine engine;

    QueryExecutor(ChdbEngine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    ChdbResult execute(QueryRequest request, EngineUser user) {
        requireNonNull(request, "request");
        requireNonNull(user, "user");
        if (request.sql().isBlank()) {
            return ChdbResult.failed(ClickHouseError.of(ClickHouseError.SYNTAX_ERROR, "SYNTAX_ERROR", "Empty query"));
        }
        try (ChdbSession session = engine.openSession()) {
            if (request.database() != null) {
                ChdbResult use = session.execute("USE " + SqlLiterals.identifier(request.database()));
                if (!use.succeeded()) {
                    return use;
                }
            }
            Map<String, String> profile = new LinkedHashMap<>(user.settings());
            if (request.readOnlyMethod() && user.readonlyLevel() == 0) {
                // A real server runs GET queries read-only (readonly=2) unless the profile is stricter.
                profile.put("readonly", "2");
            }
            ChdbResult applied = apply(session, profile);
            if (applied != null) {
                return applied;
            }
            applied = apply(session, request.settings());
            if (applied != null) {
                return applied;
            }
            return session.execute(request.sql(), request.format(), request.parameters());
        }
    }

    /** Returns the failed result, or null when the settings were applied. */
    private static ChdbResult apply(ChdbSession session, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return null;
        }
        ChdbResult result = session.execute(setStatement(settings));
        return result.succeeded() ? null : result;
    }

    static String setStatement(Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(setting -> SqlLiterals.identifier(setting.getKey()) + " = " + SqlLiterals.string(setting.getValue()))
                .collect(Collectors.joining(", ", "SET ", ""));
    }
}
