package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.catalog.TableDef;
import io.lakegate.failover.Backend;
import io.lakegate.failover.BackendChoice;
import io.lakegate.failover.CircuitBreaker;
import io.lakegate.failover.Failover;
import io.lakegate.guardrails.Guardrails;
import io.lakegate.lake.LakeSchema;
import io.lakegate.lake.LakeStatistics;

import java.net.BindException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway process: loads model.json, opens the lake once and ClickHouse when configured, and serves
 * them through {@link Failover} and Avatica's {@link HttpServer} on Jetty with a {@link LakegateMeta},
 * the query log and sanitized errors.
 * {@link #close()} stops accepting, lets running requests finish (bounded), then closes every
 * connection.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
  /** How long {@link #close()} waits for requests that are already running. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ServerConfig config;
  private final long createdNanos = System.nanoTime();
  private final LakegateModel model;
  private final LakeSchema lake;
  private final Failover failover;
  private final LakeStatistics statistics;
  private final long lakeOpenMillis;
  private final Guardrails guardrails;
  private final LakegateMeta meta;
  private final QueryLog queryLog;
  private final GatewayStatus status;
  private final HttpServer http;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile int port = -1;

  /**
   * Loads the model and opens the lake (generating the sample lake first when configured);
   * does not listen yet.
   *
   * @throws io.lakegate.catalog.ModelException when model.json is wrong (the message names the key)
   * @throws io.lakegate.lake.LakeSchemaException when the lake does not match the model
   * @throws io.lakegate.clickhouse.ClickHouseSchemaException when ClickHouse answers but does not match the
   *     model or refuses its user or database (an unreachable one is not an error: the lake serves)
   */
  public GatewayServer(ServerConfig config) {
    this.config = requireNonNull(config, "config");
    this.model = ModelLoader.load(config.model());
    if (config.generateSampleLake()) {
      SampleLakeBootstrap.ensure(model.lake());
    }
    long openStart = System.nanoTime();
    this.lake = LakeSchema.open(model);
    this.statistics = lake.statistics();
    this.lakeOpenMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openStart);
    this.guardrails = Guardrails.of(model);
    // Without a ClickHouse url this logs once that the lake serves every query; an unreachable one warns.
    this.failover = Failover.open(model, lake);
    try {
      this.meta = new LakegateMeta(model.schemaName(), failover, guardrails, config.planCacheSize());
    } catch (SQLException e) {
      failover.close();
      throw new IllegalStateException("cannot set up the Calcite connection factory: " + e.getMessage(), e);
    }
    this.queryLog = new QueryLog(() -> failover.schema().route().id());
    ErrorMapper errors = new ErrorMapper(model.schemaName(), model.tables().stream().map(TableDef::name).toList(),
        model.tables().stream().flatMap(t -> t.columns().stream()).map(ColumnDef::name).toList());
    Service service = new QueryLoggingService(new LocalService(meta), queryLog, errors, meta::isOpen);
    this.status = new GatewayStatus(Version.current(), failover, lake, statistics, queryLog, meta::openConnections,
        guardrails.metrics(), meta::planCacheMetrics);
    this.http = HttpServer.Builder.<Server>newBuilder()
        .withHandler(new GatewayHandler(service, errors, status, guardrails.metrics()))
        .withPort(config.port())
        .withServerCustomizers(List.of(new JettySettings(config.host(), STOP_GRACE)), Server.class)
        .build();
  }

  /**
   * Starts listening, runs the warm-up queries (unless configured off), then reports ready and
   * logs the startup summary.
   *
   * @throws IllegalStateException when the address cannot be bound (the message says which and what to do)
   */
  public GatewayServer start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("the gateway was already started");
    }
    try {
      http.start();
    } catch (RuntimeException e) {
      stopQuietly();
      throw startFailure(e);
    }
    port = http.getPort();
    warmUp();
    status.ready(true);
    long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - createdNanos);
    StartupSummary.lines(Version.current(), config.host(), port, config.model(), model.schemaName(), backendSummary(), statistics,
        lakeOpenMillis, startMillis).forEach(LOG::info);
    return this;
  }

  /** Runs the warm-up queries while /health still says not ready (requests that arrive are served, slower). */
  private void warmUp() {
    if (!config.warmup()) {
      LOG.info("warm-up skipped ({} / {}=false): the first query will take a few seconds more", ServeOption.WARMUP.flag,
          ServeOption.WARMUP.envVar);
      return;
    }
    // Unbound statements plan on the lake; warm each backend's plans so a failover pays no cold compile.
    warmUp(Backend.LAKE);
    if (failover.schema().route() == Backend.CLICKHOUSE) {
      warmUp(Backend.CLICKHOUSE);
    }
  }

  @SuppressWarnings("try") // the binding is read by the planner, not in the block
  private void warmUp(Backend backend) {
    WarmUp.Result warm;
    try (BackendChoice choice = failover.schema().bind(backend)) {
      warm = WarmUp.run(meta::openCalciteConnection, WarmUp.queries(model));
    }
    LOG.info("{} warm-up done in {} ms ({} queries, {} failed)", backend.id(), warm.millis(), warm.queries(),
        warm.failed());
  }

  /** The startup summary's backend: where statements run now, and why the lake when it is the lake. */
  private String backendSummary() {
    if (failover.breaker().isEmpty()) {
      return "lake (parquet read in the gateway; no ClickHouse url in model.json)";
    }
    return failover.breaker().flatMap(CircuitBreaker::openReason)
        .map(reason -> "lake for now (ClickHouse unavailable: " + reason + "; probing, it takes over when it answers)")
        .orElse("clickhouse (the lake answers when ClickHouse is unavailable)");
  }

  /** The port actually bound (the free port chosen when configured with 0); -1 before start and after close. */
  public int port() {
    return port;
  }

  /** The one virtual schema every connection shares (tests read its scan metrics). */
  public LakeSchema lakeSchema() {
    return lake;
  }

  /** The routing between ClickHouse and the lake (tests read its breaker and counters). */
  public Failover failover() {
    return failover;
  }

  /** Blocks until {@link #close()} has finished (the main thread waits here). */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    status.ready(false);
    if (started.get() && port >= 0) {
      LOG.info("stopping: no new requests; waiting up to {} s for running ones", STOP_GRACE.toSeconds());
      stopQuietly();
    }
    port = -1;
    meta.closeAllConnections();
    failover.close();
    guardrails.close();
    queryLog.finishAll();
    terminated.countDown();
    LOG.info("lakegate stopped ({} queries ok, {} failed)", queryLog.succeeded(), queryLog.failed());
  }

  private void stopQuietly() {
    try {
      http.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping the HTTP server: {}", e.toString());
    }
  }

  private IllegalStateException startFailure(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + " ("
            + cause.getMessage() + "); stop the process using it or choose another --port / LAKEGATE_PORT", e);
      }
    }
    return new IllegalStateException("cannot start the HTTP server on " + config.host() + ":" + config.port()
        + ": " + e.getMessage(), e);
  }
}
