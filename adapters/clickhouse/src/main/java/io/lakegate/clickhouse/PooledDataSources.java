package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.dbcp2.BasicDataSource;

/**
 * Builds the pools of clickhouse-jdbc connections (Apache Commons DBCP2, the pool Calcite itself
 * uses, as {@link ClickHousePool}: the gateway's query ids and deadlines on every statement): every
 * clickhouse-jdbc {@code Connection} builds its own HTTP client and asks the server for its version,
 * so connections are pooled rather than opened per query.
 *
 * <p>Connections are not validated when borrowed: a clickhouse-jdbc connection is an HTTP client
 * that reconnects by itself, and its {@code isValid} sends {@code SELECT 1}, which would double the
 * round trips of every query. Failures surface on the query itself, for failover to act on.
 *
 * <p>Driver property names are clickhouse-jdbc 0.11's ({@code ClientConfigProperties}): server
 * settings go as {@code clickhouse_setting_<name>} and arrive as query parameters of each request.
 */
final class PooledDataSources {
  /** clickhouse-jdbc's JDBC 4 driver (jdbc-v2), named so that the legacy v1 driver can never be picked. */
  static final String DRIVER_CLASS = "com.clickhouse.jdbc.Driver";
  private static final String SETTING_PREFIX = "clickhouse_setting_";
  /** Connections are replaced now and then, so that DNS changes and server restarts are picked up. */
  private static final Duration MAX_CONNECTION_LIFETIME = Duration.ofMinutes(10);

  private PooledDataSources() {
  }

  /**
   * The pool that runs queries: {@code config.poolSize()} connections with the session settings. When
   * all are in use a statement waits its turn, for as long as a query may last: the longer of the
   * policy's query timeout and ClickHouse's {@code maxExecutionTimeSeconds}. A busy pool is not an
   * outage (failover tells the two apart), queueing costs less than answering from the lake, and a
   * statement whose query timed out while it waited is not sent ({@link StatementDeadline}).
   *
   * @param queryTimeout the longest a query may last in the gateway (the policy's timeout)
   */
  static BasicDataSource queryPool(ClickHouseConfig config, SessionSettings settings, Duration queryTimeout) {
    Duration maxExecution = Duration.ofSeconds(config.maxExecutionTimeSeconds());
    Duration maxWait = queryTimeout.compareTo(maxExecution) > 0 ? queryTimeout : maxExecution;
    return pool(config, settings, config.poolSize(), config.socketTimeoutMs(), maxWait);
  }

  /**
   * A one-connection pool for health probes, with its own short socket timeout, so that a probe
   * never waits behind queries and a hung server is reported within {@code timeoutMs}.
   */
  static BasicDataSource probePool(ClickHouseConfig config, SessionSettings settings, int timeoutMs) {
    ClickHouseConfig quick = new ClickHouseConfig(config.url(), config.user(), config.password(), config.database(),
        Math.min(config.connectTimeoutMs(), timeoutMs), config.socketTimeoutMs(), 1, config.maxExecutionTimeSeconds(),
        config.maxResultRows());
    return pool(quick, settings, 1, timeoutMs, Duration.ofMillis(quick.connectTimeoutMs()));
  }

  private static BasicDataSource pool(ClickHouseConfig config, SessionSettings settings, int size,
      int socketTimeoutMs, Duration maxWait) {
    requireNonNull(config, "config");
    requireNonNull(settings, "settings");
    BasicDataSource pool = new ClickHousePool(Duration.ofSeconds(config.maxExecutionTimeSeconds()));
    pool.setDriverClassName(DRIVER_CLASS);
    pool.setUrl(config.url());
    pool.setUsername(config.user());
    pool.setPassword(config.password());
    driverProperties(config, settings, socketTimeoutMs).forEach((k, v) -> pool.addConnectionProperty((String) k,
        (String) v));
    pool.setMaxTotal(size);
    pool.setMaxIdle(size);
    pool.setMinIdle(0);
    pool.setInitialSize(0);
    pool.setMaxWait(maxWait);
    pool.setTestOnBorrow(false);
    pool.setTestOnCreate(false);
    pool.setTestOnReturn(false);
    pool.setTestWhileIdle(false);
    // No transactions in ClickHouse: nothing to roll back or reset when a connection comes back.
    pool.setRollbackOnReturn(false);
    pool.setAutoCommitOnReturn(false);
    pool.setMaxConn(MAX_CONNECTION_LIFETIME);
    return pool;
  }

  /** clickhouse-jdbc properties: timeouts, no retries, the database, and the server settings. */
  static Properties driverProperties(ClickHouseConfig config, SessionSettings settings, int socketTimeoutMs) {
    Properties p = new Properties();
    p.setProperty("database", config.database());
    p.setProperty("connection_timeout", Integer.toString(config.connectTimeoutMs()));
    p.setProperty("connection_request_timeout", Integer.toString(config.connectTimeoutMs()));
    p.setProperty("socket_timeout", Integer.toString(socketTimeoutMs));
    // A retried query would run twice on a slow server; failover decides what happens next.
    p.setProperty("retry", "0");
    // One JDBC connection is used by one thread at a time, but Statement.cancel() sends its KILL QUERY
    // through the same HTTP client while the query's own request is still waiting: two HTTP connections.
    p.setProperty("max_open_connections", "2");
    for (Map.Entry<String, String> setting : settings.settings().entrySet()) {
      p.setProperty(SETTING_PREFIX + setting.getKey(), setting.getValue());
    }
    return p;
  }
}
