package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks presented credentials against the configured users, answering failures as ClickHouse does. */
final class Authenticator {

    private final Map<String, EngineUser> users = new LinkedHashMap<>();

    Authenticator(List<EngineUser> users) {
        for (EngineUser user : requireNonNull(users, "users")) {
            if (this.users.putIfAbsent(user.name(), user) != null) {
                throw new IllegalArgumentException("user '" + user.name() + "' is configured twice");
            }
        }
    }

    EngineUser authenticate(Credentials credentials) throws ClickHouseException {
        requireNonNull(credentials, "credentials");
        EngineUser user = users.get(credentials.user());
        if (user == null || !MessageDigest.isEqual(bytes(user.password()), bytes(credentials.password()))) {
            // ClickHouse gives one answer for both cases so as not to reveal which users exist.
            throw new ClickHouseException(ClickHouseError.of(ClickHouseError.AUTHENTICATION_FAILED,
                    "AUTHENTICATION_FAILED", credentials.user()
                            + ": Authentication failed: password is incorrect, or there is no user with such name."));
        }
        return user;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
