package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.TableDef;
import io.lakegate.clickhouse.ClickHouseBackend;
import io.lakegate.clickhouse.ClickHouseSchema;
import io.lakegate.clickhouse.ClickHouseSchemaException;
import io.lakegate.clickhouse.ProbeResult;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.calcite.schema.Table;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.BasicDataSourceMXBean;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse side of the failover schema: the {@link ClickHouseBackend}, opened at start or, when
 * ClickHouse is unreachable then, by a later probe; its tables, mounted privately
 * ({@link ClickHouseMount}) on the tracked pool; and the health probe the breaker runs.
 *
 * <p>A ClickHouse that answers but does not match model.json (schema drift, wrong password or
 * database) is a configuration error: fatal at start, logged and retried every
 * {@value #CONFIG_RETRY_SECONDS} s when found by a later probe. An unreachable one is not an error:
 * the lake serves until it answers.
 */
final class ClickHouseLink implements HealthProbe, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseLink.class);
  private static final AtomicInteger IDS = new AtomicInteger();
  static final int CONFIG_RETRY_SECONDS = 30;

  /** The opened backend and what was built on it. */
  private record Opened(ClickHouseBackend backend, ClickHouseMount mount, Map<String, Table> tables) {
  }

  private final LakegateModel model;
  private final ClickHouseConfig config;
  private final OpenConnections connections;
  private final Reachability reachability;
  private final String id = "clickhouse-" + IDS.incrementAndGet();
  private volatile Opened opened;
  private volatile boolean closed;
  private long nextOpenAttemptNanos;
  private String lastConfigError;

  ClickHouseLink(LakegateModel model, ClickHouseConfig config, OpenConnections connections) {
    this.model = requireNonNull(model, "model");
    this.config = requireNonNull(config, "config");
    this.connections = requireNonNull(connections, "connections");
    this.reachability = Reachability.of(config, Math.max(config.connectTimeoutMs(), model.failover().probeTimeoutMs()));
  }

  /**
   * Opens ClickHouse at start: empty when it is ready, else why it is unreachable.
   *
   * @throws ClickHouseSchemaException when ClickHouse answers but does not match model.json or refuses the
   *     configured user or database (a configuration error, not an outage)
   */
  synchronized Optional<String> openAtStart() {
    try {
      open();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(unreachableReason(e).orElseThrow(() -> e));
    }
  }

  /** The ClickHouse tables by name, once ClickHouse has been opened. */
  Optional<Map<String, Table>> tables() {
    Opened current = opened;
    return current == null ? Optional.empty() : Optional.of(current.tables());
  }

  boolean isOpen() {
    return opened != null;
  }

  /** The query pool's connections in use and idle; empty until ClickHouse has been opened. */
  Optional<PoolUsage> poolUsage() {
    Opened current = opened;
    if (current == null) {
      return Optional.empty();
    }
    try {
      BasicDataSourceMXBean pool = current.backend().dataSource().unwrap(BasicDataSourceMXBean.class);
      return Optional.of(new PoolUsage(pool.getNumActive(), pool.getNumIdle(), pool.getMaxTotal()));
    } catch (SQLException e) {
      LOG.debug("the ClickHouse pool reports no usage: {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * Drops the query pool's idle connections, so that the next statements get new ones: after ClickHouse
   * went away and came back, each idle connection holds a keep-alive socket to the old server, and the
   * first statement on it would fail "without a response" (and be re-run on the lake). Connections in use
   * are left alone. DBCP's {@code restart()} would also let go of those (they stop counting against the
   * pool's size) and {@code evict()} drops only connections idle past the eviction time, so this clears
   * the idle part of the underlying pool. Never throws.
   */
  void dropIdleConnections() {
    Opened current = opened;
    if (current == null) {
      return;
    }
    try {
      GenericObjectPool<PoolableConnection> pool =
          current.backend().dataSource().unwrap(BasicDataSource.class).getConnectionPool();
      if (pool == null) {
        // DBCP creates the pool with the first connection: nothing is pooled yet.
        return;
      }
      int idle = pool.getNumIdle();
      pool.clear();
      if (idle > 0) {
        LOG.info("dropped {} idle ClickHouse connection(s) made before the outage", idle);
      }
    } catch (SQLException | RuntimeException e) {
      // The statements will find a stale socket themselves and be re-run on the lake: slower, still right.
      LOG.warn("could not drop the idle ClickHouse connections after recovery: {}", e.toString());
    }
  }

  /** Opens ClickHouse if that has not happened yet, else asks it {@code SELECT 1}; never throws. */
  @Override
  public ProbeResult probe() {
    long start = System.nanoTime();
    Opened current = opened;
    if (current == null) {
      return tryOpen(start);
    }
    ProbeResult result = current.backend().probe();
    if (result.healthy()) {
      return result;
    }
    // The probe's text is the driver's; a plain connect names refused ports and unknown hosts.
    Optional<String> named = reachability.tcpProblem();
    return named.isPresent() ? new ProbeResult(false, result.elapsed(), named) : result;
  }

  private synchronized ProbeResult tryOpen(long start) {
    if (closed) {
      return failed(start, "closed");
    }
    if (System.nanoTime() < nextOpenAttemptNanos) {
      return failed(start, "ClickHouse does not match model.json (" + lastConfigError + "); next check in "
          + TimeUnit.NANOSECONDS.toSeconds(nextOpenAttemptNanos - System.nanoTime()) + " s");
    }
    try {
      open();
      return new ProbeResult(true, Duration.ofNanos(System.nanoTime() - start), Optional.empty());
    } catch (RuntimeException e) {
      RuntimeException configError = e;
      Optional<String> unreachable;
      try {
        unreachable = unreachableReason(e);
      } catch (ClickHouseSchemaException refused) {
        configError = refused;
        unreachable = Optional.empty();
      }
      if (unreachable.isPresent()) {
        return failed(start, unreachable.get());
      }
      if (!String.valueOf(configError.getMessage()).equals(lastConfigError)) {
        LOG.error("clickhouse answers but cannot serve model.json (staying on the lake, checking again every {} s): "
            + "{}", CONFIG_RETRY_SECONDS, configError.getMessage());
      }
      lastConfigError = String.valueOf(configError.getMessage());
      nextOpenAttemptNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONFIG_RETRY_SECONDS);
      return failed(start, lastConfigError);
    }
  }

  /** Opens the backend (which checks ClickHouse's tables against model.json) and builds the tables. */
  private void open() {
    ClickHouseBackend backend = ClickHouseBackend.open(model, config);
    ClickHouseMount mount = null;
    try {
      mount = ClickHouseMount.register(id, new TrackedDataSource(backend.dataSource(), connections));
      ClickHouseSchema schema = backend.createSchema(mount.parent(), ClickHouseMount.SCHEMA_NAME);
      Map<String, Table> tables = new LinkedHashMap<>();
      for (TableDef def : model.tables()) {
        Table table = schema.tables().get(def.name());
        if (table == null) {
          throw new ClickHouseSchemaException("the ClickHouse schema has no table " + def.name());
        }
        tables.put(def.name(), table);
      }
      opened = new Opened(backend, mount, Map.copyOf(tables));
    } catch (RuntimeException e) {
      if (mount != null) {
        mount.close();
      }
      backend.close();
      throw e;
    }
  }

  /**
   * Why opening failed, when the reason is that ClickHouse could not be read at all; empty for a
   * configuration error (a drift report, or ClickHouse rejecting the user, database or check query).
   * The pool may hide the cause ("isValid() returned false"), so a TCP connect and a {@code SELECT 1} of
   * its own find it out.
   */
  private Optional<String> unreachableReason(RuntimeException e) {
    if (e instanceof ClickHouseSchemaException && e.getCause() == null) {
      return Optional.empty();
    }
    Failure failure = FailureClassifier.classify(e);
    if (failure.kind() == FailureKind.QUERY_ERROR) {
      return Optional.empty();
    }
    Optional<String> tcp = reachability.tcpProblem();
    if (tcp.isPresent()) {
      return tcp;
    }
    Optional<SQLException> selectOne = reachability.selectOneProblem();
    if (selectOne.isPresent()) {
      Failure own = FailureClassifier.classify(selectOne.get());
      if (own.kind() == FailureKind.QUERY_ERROR) {
        throw new ClickHouseSchemaException("ClickHouse at " + config.url() + " refuses user '" + config.user()
            + "' or database '" + config.database() + "' (" + selectOne.get().getMessage() + "); fix clickhouse.user,"
            + " password or database in model.json", selectOne.get());
      }
      return Optional.of(own.unavailable() ? own.reason() : "cannot read ClickHouse: " + selectOne.get().getMessage());
    }
    return Optional.of(failure.unavailable() ? failure.reason() : "cannot read ClickHouse: " + e.getMessage());
  }

  private static ProbeResult failed(long startNanos, String problem) {
    return new ProbeResult(false, Duration.ofNanos(System.nanoTime() - startNanos), Optional.of(problem));
  }

  @Override
  public synchronized void close() {
    closed = true;
    Opened current = opened;
    opened = null;
    if (current != null) {
      current.mount().close();
      current.backend().close();
    }
  }
}
