package io.lakegate.testing.clickhouse;

import java.io.IOException;
import java.util.List;

/**
 * A ClickHouse server that a behaviour suite runs against: {@link ClickHouseTestEngine} here, a
 * Testcontainers {@code clickhouse/clickhouse-server} fixture where Docker exists (see
 * docs/clickhouse-test-engine.md). Suites written against this interface run unchanged on both.
 */
public interface ClickHouseEndpoint extends AutoCloseable {

    /** {@code http://host:port} of ClickHouse's HTTP interface. */
    String httpUrl();

    /** A clickhouse-jdbc URL for {@code database}. */
    String jdbcUrl(String database);

    /** The user suites connect as by default. */
    EngineUser user();

    /**
     * The statements the server received, oldest first. The test engine logs them itself; a real server
     * answers from {@code system.query_log} after {@code SYSTEM FLUSH LOGS}.
     */
    List<StatementRecord> statements();

    /** Stops the server and removes what it wrote. */
    @Override
    void close() throws IOException;
}
