package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.CircuitBreaker;
import io.lakegate.failover.Failover;
import io.lakegate.guardrails.GuardrailMetrics;
import io.lakegate.lake.LakeSchema;
import io.lakegate.lake.LakeStatistics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@code GET /health} and {@code GET /metrics} report: readiness and the served tables, the
 * query counters, the guardrails' rejections per rule and row-limit rewrites, the backend statements
 * are routed to now with the ClickHouse breaker's state, its query pool's use (metrics only) and the
 * failover counters, the plan cache's use, and the lake's cumulative scan counters.
 */
final class GatewayStatus {
  private final String version;
  private final Failover failover;
  private final LakeSchema lake;
  private final LakeStatistics statistics;
  private final QueryLog queryLog;
  private final LongSupplier openConnections;
  private final GuardrailMetrics guardrails;
  private final Supplier<Map<String, Object>> planCache;
  private final long startedMillis = System.currentTimeMillis();
  private final AtomicBoolean ready = new AtomicBoolean();

  GatewayStatus(String version, Failover failover, LakeSchema lake, LakeStatistics statistics, QueryLog queryLog,
      LongSupplier openConnections, GuardrailMetrics guardrails, Supplier<Map<String, Object>> planCache) {
    this.version = requireNonNull(version, "version");
    this.failover = requireNonNull(failover, "failover");
    this.lake = requireNonNull(lake, "lake");
    this.statistics = requireNonNull(statistics, "statistics");
    this.queryLog = requireNonNull(queryLog, "queryLog");
    this.openConnections = requireNonNull(openConnections, "openConnections");
    this.guardrails = requireNonNull(guardrails, "guardrails");
    this.planCache = requireNonNull(planCache, "planCache");
  }

  /** Ready once the server listens; not ready again as soon as shutdown begins. */
  void ready(boolean value) {
    ready.set(value);
  }

  boolean ready() {
    return ready.get();
  }

  Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("status", ready() ? "UP" : "DOWN");
    // Still 200 while the lake serves: ClickHouse is degraded, not the gateway.
    health.put("backend", failover.schema().route().id());
    health.put("clickhouse", clickhouse());
    health.put("tables", statistics.tables().size());
    health.put("version", version);
    health.put("uptimeSeconds", (System.currentTimeMillis() - startedMillis) / 1000);
    return health;
  }

  /** The breaker's state ({@code CLOSED}, {@code OPEN} or {@code not configured}) and why it is open. */
  private Map<String, Object> clickhouse() {
    Map<String, Object> clickhouse = new LinkedHashMap<>();
    Optional<CircuitBreaker> breaker = failover.breaker();
    clickhouse.put("state", breaker.map(b -> b.state().name()).orElse("not configured"));
    breaker.flatMap(CircuitBreaker::openReason).ifPresent(reason -> clickhouse.put("reason", reason));
    return clickhouse;
  }

  Map<String, Object> metrics() {
    Map<String, Object> queries = new LinkedHashMap<>();
    queries.put("ok", queryLog.succeeded());
    queries.put("error", queryLog.failed());
    queries.put("running", queryLog.runningCount());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("backend", failover.schema().route().id());
    Map<String, Object> clickhouse = clickhouse();
    // Connections borrowed and not returned: 0 whenever no statement is running on ClickHouse.
    failover.clickhousePool().ifPresent(pool -> {
      Map<String, Object> usage = new LinkedHashMap<>();
      usage.put("active", pool.active());
      usage.put("idle", pool.idle());
      usage.put("max", pool.max());
      clickhouse.put("pool", usage);
    });
    metrics.put("clickhouse", clickhouse);
    metrics.put("failover", failover.metrics().toMap());
    metrics.put("queries", queries);
    metrics.put("connections", Map.of("open", openConnections.getAsLong()));
    metrics.put("guardrails", guardrails.toMap());
    metrics.put("planCache", planCache.get());
    metrics.put("lake", lake.metrics().snapshot().toMap());
    metrics.put("lakeFiles", statistics.toMap());
    return metrics;
  }
}
