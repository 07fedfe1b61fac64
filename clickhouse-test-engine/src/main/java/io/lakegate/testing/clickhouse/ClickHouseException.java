package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

/** Carries a {@link ClickHouseError} raised by the HTTP layer itself to the point where it becomes a response. */
final class ClickHouseException extends Exception {

    private final transient ClickHouseError error;

    ClickHouseException(ClickHouseError error) {
        super(requireNonNull(error, "error").text());
        this.error = error;
    }

    ClickHouseError error() {
        return error;
    }
}
