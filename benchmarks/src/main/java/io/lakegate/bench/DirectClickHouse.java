package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The direct reference: clickhouse-jdbc connected to the same engine, as the same read-only user, with
 * the same server settings the gateway sent, replaying the statements the gateway sent. One connection
 * per distinct set of settings, reused like the gateway's pooled ones.
 */
final class DirectClickHouse implements AutoCloseable {
  private static final String MAX_EXECUTION_TIME = "max_execution_time";

  private final BenchEngine engine;
  private final Map<Map<String, String>, JdbcClient> clients = new LinkedHashMap<>();

  DirectClickHouse(BenchEngine engine) {
    this.engine = requireNonNull(engine, "engine");
  }

  /** Replays what the gateway sent for one query. */
  QueryResult replay(PushedQuery pushed) throws SQLException {
    return client(pushed.settings()).queries(pushed.statements());
  }

  private JdbcClient client(Map<String, String> received) throws SQLException {
    Map<String, String> settings = connectionSettings(received);
    JdbcClient client = clients.get(settings);
    if (client == null) {
      client = Clients.clickHouse("clickhouse-jdbc", engine.jdbcUrl(), BenchEngine.USER, BenchEngine.PASSWORD,
          settings);
      clients.put(settings, client);
    }
    return client;
  }

  /**
   * The settings as connection properties. The gateway sends {@code max_execution_time} per statement with
   * a fraction ({@code 4.987}: the time its query has left); as a connection property clickhouse-jdbc reads it
   * as whole seconds, so it is rounded up (a limit, never reached by a benchmark query).
   */
  static Map<String, String> connectionSettings(Map<String, String> received) {
    Map<String, String> settings = new LinkedHashMap<>(received);
    settings.computeIfPresent(MAX_EXECUTION_TIME, (k, v) -> new BigDecimal(v).setScale(0, RoundingMode.CEILING)
        .toPlainString());
    return Map.copyOf(settings);
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (JdbcClient client : clients.values()) {
      try {
        client.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    clients.clear();
    if (first != null) {
      throw first;
    }
  }
}
