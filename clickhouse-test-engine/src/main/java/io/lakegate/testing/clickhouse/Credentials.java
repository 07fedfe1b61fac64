package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

/**
 * The user name and password a request presented, however it presented them.
 *
 * @param user     user name ({@code default} when the request named none)
 * @param password password (empty when the request gave none)
 */
record Credentials(String user, String password) {

    Credentials {
        requireNonNull(user, "user");
        requireNonNull(password, "password");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
