package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.LakegateModel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.calcite.schema.SchemaPlus;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse as a lakegate backend: the pooled connections, the startup check of ClickHouse's
 * tables against model.json, the Calcite schema over them, and a cheap health probe.
 *
 * <pre>{@code
 * try (ClickHouseBackend clickhouse = ClickHouseBackend.open(model, model.clickhouse().orElseThrow())) {
 *   clickhouse.addTo(calciteConnection.getRootSchema(), "analytics");
 *   clickhouse.probe().healthy();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes the pools; schemas made from it stop working.
 */
public final class ClickHouseBackend implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseBackend.class);
  private final LakegateModel model;
  private final ClickHouseConfig config;
  private final SessionSettings settings;
  private final BasicDataSource queryPool;
  private final BasicDataSource probePool;

  private ClickHouseBackend(LakegateModel model, ClickHouseConfig config, SessionSettings settings) {
    this.model = model;
    this.config = config;
    this.settings = settings;
    this.queryPool = PooledDataSources.queryPool(config, settings,
        Duration.ofMillis(model.policy().queryTimeoutMs()));
    this.probePool = PooledDataSources.probePool(config, settings, model.failover().probeTimeoutMs());
  }

  /**
   * Opens the pools and checks ClickHouse's tables against {@code model}. Every query carries
   * {@link SessionSettings}: {@code config}'s limits and {@code model}'s policy timeout.
   *
   * @throws ClickHouseSchemaException when a table or column is missing, has another type or
   *     nullability, or ClickHouse cannot be read; the pools are closed again
   */
  public static ClickHouseBackend open(LakegateModel model, ClickHouseConfig config) {
    requireNonNull(model, "model");
    requireNonNull(config, "config");
    long start = System.nanoTime();
    ClickHouseBackend backend = new ClickHouseBackend(model, config, SessionSettings.of(config, model.policy()));
    try {
      new SchemaDriftCheck(model, config.database()).check(backend.queryPool);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    LOG.info("clickhouse {} database {}: {} tables match model.json ({} ms)", config.url(), config.database(),
        model.tables().size(), (System.nanoTime() - start) / 1_000_000);
    return backend;
  }

  /**
   * A new Calcite schema of the declared tables, for mounting as {@code parent.add(name, schema)}
   * (its generated code finds the pool through that path). Looks each table up in ClickHouse.
   */
  public ClickHouseSchema createSchema(SchemaPlus parent, String name) {
    return ClickHouseSchema.create(parent, name, queryPool, model, config.database());
  }

  /** Creates the schema and mounts it as {@code parent.name}; returns the mounted schema. */
  public SchemaPlus addTo(SchemaPlus parent, String name) {
    return parent.add(name, createSchema(parent, name));
  }

  /**
   * The pool every pushed-down query runs on: a statement created for a query execution of the
   * guardrails carries its id as {@code query_id} and its deadline ({@link StatementDeadline}).
   */
  public DataSource dataSource() {
    return queryPool;
  }

  /** The settings every query carries. */
  public SessionSettings settings() {
    return settings;
  }

  public ClickHouseConfig config() {
    return config;
  }

  /**
   * {@code SELECT 1} on a connection of its own whose socket timeout is model.json's
   * {@code failover.probeTimeoutMs}, for a circuit breaker; never throws.
   */
  public ProbeResult probe() {
    long start = System.nanoTime();
    try (Connection connection = probePool.getConnection();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT 1")) {
      if (rs.next() && rs.getInt(1) == 1) {
        return new ProbeResult(true, since(start), Optional.empty());
      }
      return new ProbeResult(false, since(start), Optional.of("SELECT 1 did not return 1"));
    } catch (SQLException | RuntimeException e) {
      return new ProbeResult(false, since(start), Optional.of(String.valueOf(e.getMessage())));
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Closes both pools; queries still running finish on their connections. */
  @Override
  public void close() {
    try {
      probePool.close();
    } catch (SQLException e) {
      LOG.warn("closing the ClickHouse probe pool failed", e);
    }
    try {
      queryPool.close();
    } catch (SQLException e) {
      LOG.warn("closing the ClickHouse query pool failed", e);
    }
  }
}
