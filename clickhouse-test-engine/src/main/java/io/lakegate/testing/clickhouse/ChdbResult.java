package io.lakegate.testing.clickhouse;

import java.util.Optional;

/**
 * What one chDB query produced: the formatted output and ClickHouse's counters, or ClickHouse's error.
 *
 * @param output       the result in the requested output format (empty for statements without output)
 * @param error        ClickHouse's error, when the query failed
 * @param resultRows   rows in the result set
 * @param resultBytes  bytes of the result set
 * @param readRows     rows read from storage
 * @param readBytes    bytes read from storage
 * @param writtenRows  rows written (INSERT)
 * @param writtenBytes bytes written (INSERT)
 * @param elapsedNanos time ClickHouse spent on the query
 */
record ChdbResult(byte[] output, Optional<ClickHouseError> error, long resultRows, long resultBytes,
        long readRows, long readBytes, long writtenRows, long writtenBytes, long elapsedNanos) {

    static ChdbResult failed(ClickHouseError error) {
        return new ChdbResult(new byte[0], Optional.of(error), 0, 0, 0, 0, 0, 0, 0);
    }

    boolean succeeded() {
        return error.isEmpty();
    }
}
