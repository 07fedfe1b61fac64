package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds out why ClickHouse cannot be used when a pool or a probe said only that something failed
 * (a pool reports "isValid() returned false" for a refused port and for a wrong password alike): a
 * plain TCP connect names refused ports, unknown hosts and connect timeouts, and one {@code SELECT 1}
 * on a connection of its own shows what ClickHouse itself says (e.g. error 516 for a wrong password).
 */
final class Reachability {
  private final ClickHouseConfig config;
  private final String host;
  private final int port;
  private final int timeoutMs;

  private Reachability(ClickHouseConfig config, String host, int port, int timeoutMs) {
    this.config = config;
    this.host = host;
    this.port = port;
    this.timeoutMs = timeoutMs;
  }

  /** For {@code config}'s URL ({@code jdbc:clickhouse://host:port/db}, {@code jdbc:ch:https://host}, ...). */
  static Reachability of(ClickHouseConfig config, int timeoutMs) {
    requireNonNull(config, "config");
    String rest = config.url().replaceFirst("^jdbc:(clickhouse|ch):", "");
    URI uri = URI.create(rest.startsWith("//") ? "http:" + rest : rest);
    boolean https = "https".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 8443 : 8123;
    return new Reachability(config, String.valueOf(uri.getHost()), port, timeoutMs);
  }

  /** Why a TCP connection to ClickHouse fails, or empty when it succeeds. */
  Optional<String> tcpProblem() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    } catch (NoRouteToHostException e) {
      return Optional.of("no route to host " + host);
    } catch (SocketTimeoutException e) {
      return Optional.of("connect timeout");
    } catch (ConnectException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return Optional.of(message.contains("refused") ? "connection refused" : "cannot connect: " + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of("cannot connect: " + e.getMessage());
    }
  }

  /** What {@code SELECT 1} as the configured user fails with, on a connection of its own; empty when it works. */
  Optional<SQLException> selectOneProblem() {
    Properties properties = new Properties();
    properties.setProperty("user", config.user());
    properties.setProperty("password", config.password());
    properties.setProperty("database", config.database());
    properties.setProperty("connection_timeout", Integer.toString(timeoutMs));
    properties.setProperty("socket_timeout", Integer.toString(timeoutMs));
    properties.setProperty("retry", "0");
    try (Connection connection = DriverManager.getConnection(config.url(), properties);
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT 1")) {
      rs.next();
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e);
    }
  }
}
