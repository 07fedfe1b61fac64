package io.lakegate.e2e;

import io.lakegate.testing.clickhouse.ClickHouseEndpoint;
import io.lakegate.testing.clickhouse.EngineUser;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * A ClickHouse address where nothing listens: a port of 127.0.0.1 that was free a moment ago, so every
 * connection to it is refused. It receives no statements.
 */
final class RefusedClickHouse implements ClickHouseEndpoint {
  private final int port;

  private RefusedClickHouse(int port) {
    this.port = port;
  }

  /** A port the system just handed out and took back. */
  static RefusedClickHouse onAFreePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new RefusedClickHouse(socket.getLocalPort());
    }
  }

  int port() {
    return port;
  }

  @Override
  public String httpUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:clickhouse://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public EngineUser user() {
    return new EngineUser(ClickHouseGateway.USER, ClickHouseGateway.PASSWORD, Map.of());
  }

  @Override
  public List<StatementRecord> statements() {
    return List.of();
  }

  @Override
  public void close() {
    // Nothing was started.
  }
}
