package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user the test engine accepts: name, password and the settings of its profile (applied to every
 * query of the user before the request's own settings, like a ClickHouse settings profile).
 *
 * <p>chDB cannot switch the ClickHouse user of a session, so every query runs as ClickHouse's
 * {@code default} user; the name only selects the password and the profile here.
 *
 * @param name     user name
 * @param password plain-text password, empty for none
 * @param settings profile settings, in order, e.g. {@code readonly=2}
 */
public record EngineUser(String name, String password, Map<String, String> settings) {

    public EngineUser {
        requireNonNull(name, "name");
        requireNonNull(password, "password");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(settings, "settings")));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
    }

    /** ClickHouse's stock {@code default} user: no password, no profile settings. */
    public static EngineUser defaultUser() {
        return new EngineUser("default", "", Map.of());
    }

    /** The profile's {@code readonly} level (0 when the profile does not set it). */
    int readonlyLevel() {
        String value = settings.get("readonly");
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            // ClickHouse itself rejects such a value when the profile is applied; treat it as read-only here.
            return 1;
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "EngineUser[name=" + name + ", settings=" + settings + "]";
    }
}
