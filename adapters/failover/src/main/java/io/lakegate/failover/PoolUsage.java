package io.lakegate.failover;

/**
 * How the ClickHouse query pool is used right now, for the gateway's {@code /metrics}: a connection that
 * stays active with no statement running is a leak (every statement returns its connection when its
 * result is closed, also after a failover).
 *
 * @param active connections borrowed by statements and not yet returned
 * @param idle connections waiting in the pool
 * @param max the pool's size ({@code clickhouse.poolSize})
 */
public record PoolUsage(int active, int idle, int max) {
}
