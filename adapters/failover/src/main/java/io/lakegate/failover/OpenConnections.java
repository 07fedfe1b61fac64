package io.lakegate.failover;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse connections statements hold right now, so that they can be aborted when the breaker
 * opens: clickhouse-jdbc's {@code Connection.abort} closes its HTTP client, which ends a socket read
 * that a hung server would otherwise hold until the driver's socket timeout. A statement still waiting
 * for its first row is then re-run on the lake; one that already sent rows fails with a clear error.
 *
 * <p>An aborted connection is also closed, which gives it back to its pool (the pool discards it).
 * {@link #aborts()} counts abort rounds, so an executor can tell that its statement's failure was
 * caused by an abort rather than by the statement.
 */
final class OpenConnections {
  private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong aborts = new AtomicLong();
  private final FailoverMetrics metrics;

  OpenConnections(FailoverMetrics metrics) {
    this.metrics = metrics;
  }

  void add(Connection connection) {
    // Connections closed underneath (by the pool, by an abort) are forgotten here, so the set stays as
    // small as the pool.
    open.removeIf(OpenConnections::isClosed);
    open.add(connection);
  }

  void remove(Connection connection) {
    open.remove(connection);
  }

  int size() {
    open.removeIf(OpenConnections::isClosed);
    return open.size();
  }

  /**
   * Returns an aborted connection to its pool at once, which discards it, rather than when the statement
   * holding it is closed (a client may keep it open for minutes). Closing a pooled connection twice is
   * harmless.
   */
  private static void giveBack(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("returning an aborted ClickHouse connection to its pool failed: {}", e.toString());
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  long aborts() {
    return aborts.get();
  }

  /** Aborts every open connection (each is closed underneath its pool, which discards it). */
  void abortAll() {
    aborts.incrementAndGet();
    open.removeIf(OpenConnections::isClosed);
    List<Connection> snapshot = List.copyOf(open);
    for (Connection connection : snapshot) {
      try {
        // Runnable::run: clickhouse-jdbc aborts synchronously; nothing to hand to another thread.
        connection.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        LOG.debug("aborting a ClickHouse connection failed (it was probably closed meanwhile): {}", e.toString());
      }
      giveBack(connection);
      open.remove(connection);
    }
    if (!snapshot.isEmpty()) {
      metrics.connectionsAborted(snapshot.size());
      LOG.info("aborted {} ClickHouse connection(s) of running statements", snapshot.size());
    }
  }
}
