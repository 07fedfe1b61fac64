package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.FailoverConfig;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.lake.LakeSchema;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover for one gateway: the {@link FailoverSchema} to mount as the virtual schema, the
 * {@link FailoverExecutor} to run statements with, the {@link CircuitBreaker} and the
 * {@link FailoverMetrics}. Without a ClickHouse in model.json every statement runs on the lake.
 *
 * <pre>{@code
 * try (Failover failover = Failover.open(model, LakeSchema.open(model))) {
 *   rootSchema.add("analytics", failover.schema());
 *   Answer<ExecuteResult> answer = failover.executor().call(backend -> ...prepare and execute...);
 *   answer.backend();   // CLICKHOUSE or LAKE, for the query log, metrics and the caller
 * }
 * }</pre>
 */
public final class Failover implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Failover.class);

  private final FailoverSchema schema;
  private final FailoverExecutor executor;
  private final Optional<CircuitBreaker> breaker;
  private final Optional<ClickHouseLink> clickhouse;
  private final Optional<TimedProbe> probe;
  private final FailoverMetrics metrics;

  private Failover(FailoverSchema schema, FailoverExecutor executor, Optional<CircuitBreaker> breaker,
      Optional<ClickHouseLink> clickhouse, Optional<TimedProbe> probe, FailoverMetrics metrics) {
    this.schema = schema;
    this.executor = executor;
    this.breaker = breaker;
    this.clickhouse = clickhouse;
    this.probe = probe;
    this.metrics = metrics;
  }

  /**
   * Opens failover over {@code lake} and, when model.json configures one, ClickHouse: a reachable
   * ClickHouse is checked against model.json and used at once; an unreachable one is not an error (the
   * lake serves, and the breaker keeps trying).
   *
   * @throws io.lakegate.clickhouse.ClickHouseSchemaException when ClickHouse answers but does not match
   *     model.json or refuses its user or database
   */
  public static Failover open(LakegateModel model, LakeSchema lake) {
    return open(model, lake, UnaryOperator.identity());
  }

  /** {@link #open(LakegateModel, LakeSchema)}, the breaker's probe seen through {@code probeView} (tests time it). */
  static Failover open(LakegateModel model, LakeSchema lake, UnaryOperator<HealthProbe> probeView) {
    requireNonNull(model, "model");
    requireNonNull(lake, "lake");
    requireNonNull(probeView, "probeView");
    FailoverMetrics metrics = new FailoverMetrics();
    OpenConnections connections = new OpenConnections(metrics);
    Optional<ClickHouseConfig> config = model.clickhouse();
    if (config.isEmpty()) {
      LOG.info("no ClickHouse in model.json: every query runs on the lake");
      FailoverSchema schema = new FailoverSchema(model, lake, Optional.empty(), Optional.empty());
      return new Failover(schema, new FailoverExecutor(schema, Optional.empty(), connections, metrics),
          Optional.empty(), Optional.empty(), Optional.empty(), metrics);
    }
    ClickHouseLink link = new ClickHouseLink(model, config.get(), connections);
    Optional<String> unreachable = link.openAtStart();
    FailoverConfig failover = model.failover();
    TimedProbe probe = new TimedProbe(link, failover.probeTimeoutMs(), "lakegate-failover-probe");
    CircuitBreaker breaker = new CircuitBreaker(failover, probeView.apply(probe), metrics, connections::abortAll,
        link::dropIdleConnections);
    FailoverSchema schema = new FailoverSchema(model, lake, Optional.of(link), Optional.of(breaker));
    breaker.start(unreachable.isEmpty(), unreachable.orElse(null));
    return new Failover(schema, new FailoverExecutor(schema, Optional.of(breaker), connections, metrics),
        Optional.of(breaker), Optional.of(link), Optional.of(probe), metrics);
  }

  /** The virtual schema to mount in every connection's root schema. */
  public FailoverSchema schema() {
    return schema;
  }

  public FailoverExecutor executor() {
    return executor;
  }

  /** The breaker; empty when model.json configures no ClickHouse. */
  public Optional<CircuitBreaker> breaker() {
    return breaker;
  }

  public FailoverMetrics metrics() {
    return metrics;
  }

  /** The ClickHouse query pool's usage; empty without ClickHouse or before it was first reached. */
  public Optional<PoolUsage> clickhousePool() {
    return clickhouse.flatMap(ClickHouseLink::poolUsage);
  }

  /** Stops probing and closes the ClickHouse pools; statements still running on them fail. */
  @Override
  public void close() {
    breaker.ifPresent(CircuitBreaker::close);
    probe.ifPresent(TimedProbe::close);
    clickhouse.ifPresent(ClickHouseLink::close);
  }
}
