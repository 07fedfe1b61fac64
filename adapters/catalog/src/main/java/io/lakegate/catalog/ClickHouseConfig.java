package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

/**
 * How the gateway reaches ClickHouse (the primary, pushdown path) and the limits every one of its
 * ClickHouse sessions runs under; {@code clickhouse} in model.json's operand.
 *
 * @param url clickhouse-jdbc URL, {@code jdbc:clickhouse://host:8123}; a database in it is only the
 *     session's default, the generated SQL always names {@code database}
 * @param user ClickHouse user, normally the read-only user of {@code ddl/users}
 * @param password its password (from the environment, never the file)
 * @param database ClickHouse database holding the declared tables
 * @param connectTimeoutMs TCP connect timeout; short, so that an unreachable server fails over fast
 * @param socketTimeoutMs how long the driver waits for a response; longer than
 *     {@code maxExecutionTimeSeconds} so that ClickHouse's own timeout error arrives first
 * @param poolSize connections kept open to ClickHouse
 * @param maxExecutionTimeSeconds ClickHouse's {@code max_execution_time} for every query
 * @param maxResultRows ClickHouse's {@code max_result_rows} for every query ({@code result_overflow_mode=throw})
 */
public record ClickHouseConfig(String url, String user, String password, String database, int connectTimeoutMs,
    int socketTimeoutMs, int poolSize, int maxExecutionTimeSeconds, long maxResultRows) {

  public static final String DEFAULT_USER = "lakegate_ro";
  public static final String DEFAULT_DATABASE = "analytics";
  public static final int DEFAULT_CONNECT_TIMEOUT_MS = 1_000;
  public static final int DEFAULT_SOCKET_TIMEOUT_MS = 7_000;
  public static final int DEFAULT_POOL_SIZE = 4;
  public static final int DEFAULT_MAX_EXECUTION_TIME_SECONDS = 5;
  public static final long DEFAULT_MAX_RESULT_ROWS = 1_000_000;

  public ClickHouseConfig {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    requireNonNull(database, "database");
    if (!url.startsWith("jdbc:clickhouse:") && !url.startsWith("jdbc:ch:")) {
      throw new IllegalArgumentException("url must be a clickhouse-jdbc URL such as jdbc:clickhouse://host:8123, not '"
          + url + "'");
    }
    if (user.isBlank() || database.isBlank()) {
      throw new IllegalArgumentException("user and database must not be empty");
    }
    positive(connectTimeoutMs, "connectTimeoutMs");
    positive(socketTimeoutMs, "socketTimeoutMs");
    positive(poolSize, "poolSize");
    positive(maxExecutionTimeSeconds, "maxExecutionTimeSeconds");
    positive(maxResultRows, "maxResultRows");
    if (socketTimeoutMs <= maxExecutionTimeSeconds * 1_000L) {
      throw new IllegalArgumentException("socketTimeoutMs (" + socketTimeoutMs + ") must be longer than "
          + "maxExecutionTimeSeconds (" + maxExecutionTimeSeconds + " s), so that ClickHouse's own timeout "
          + "error arrives before the driver gives up");
    }
  }

  private static void positive(long value, String key) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, not " + value);
    }
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "ClickHouseConfig[url=" + url + ", user=" + user + ", database=" + database + ", connectTimeoutMs="
        + connectTimeoutMs + ", socketTimeoutMs=" + socketTimeoutMs + ", poolSize=" + poolSize
        + ", maxExecutionTimeSeconds=" + maxExecutionTimeSeconds + ", maxResultRows=" + maxResultRows + "]";
  }
}
