package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** Opens the connections of every subject: the thin driver, clickhouse-jdbc, DuckDB. */
public final class Clients {
  /** clickhouse-jdbc's prefix for server settings sent with every request (what the gateway's pools use). */
  static final String CLICKHOUSE_SETTING_PREFIX = "clickhouse_setting_";

  /**
   * The thin driver's HTTP connections to one gateway, across every connection of this JVM (Avatica's
   * {@code avatica.pooled.connections.per.route}, default 25): raised, so that the concurrency section's 64
   * clients are 64 requests at once, as 64 agents in their own processes would be, not 25 and a queue.
   */
  static final int HTTP_CONNECTIONS_PER_GATEWAY = 256;

  static {
    System.setProperty("avatica.pooled.connections.per.route",
        System.getProperty("avatica.pooled.connections.per.route", Integer.toString(HTTP_CONNECTIONS_PER_GATEWAY)));
    System.setProperty("avatica.pooled.connections.max",
        System.getProperty("avatica.pooled.connections.max", Integer.toString(2 * HTTP_CONNECTIONS_PER_GATEWAY)));
  }

  private Clients() {
  }

  /** A thin-driver connection to a gateway on 127.0.0.1 (Protobuf, the driver's default). */
  public static JdbcClient thinDriver(String name, int port) throws SQLException {
    String url = "jdbc:lakegate:url=http://127.0.0.1:" + port;
    Connection connection = new io.lakegate.jdbc.Driver().connect(url, new Properties());
    if (connection == null) {
      throw new SQLException("the thin driver did not accept " + url);
    }
    return new JdbcClient(name, connection);
  }

  /** A clickhouse-jdbc connection with these server settings on every request, as the gateway's pool has. */
  public static JdbcClient clickHouse(String name, String jdbcUrl, String user, String password,
      Map<String, String> settings) throws SQLException {
    requireNonNull(settings, "settings");
    Properties properties = new Properties();
    properties.setProperty("user", requireNonNull(user, "user"));
    properties.setProperty("password", requireNonNull(password, "password"));
    settings.forEach((key, value) -> properties.setProperty(CLICKHOUSE_SETTING_PREFIX + key, value));
    Connection connection = new com.clickhouse.jdbc.Driver().connect(requireNonNull(jdbcUrl, "jdbcUrl"), properties);
    if (connection == null) {
      throw new SQLException("clickhouse-jdbc did not accept " + jdbcUrl);
    }
    return new JdbcClient(name, connection);
  }

  /** An in-memory DuckDB whose views read the lake's parquet files with Hive partitioning, in UTC. */
  public static JdbcClient duckDb(String name, Path lakeRoot) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    JdbcClient client = new JdbcClient(name, connection);
    try {
      for (String sql : DuckDbViews.setup(lakeRoot)) {
        client.execute(sql);
      }
      return client;
    } catch (SQLException | RuntimeException e) {
      client.close();
      throw e;
    }
  }
}
