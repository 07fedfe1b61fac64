package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.GuardrailMetrics;
import io.lakegate.lake.LakeSchema;
import io.lakegate.lake.LakeStatistics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * What {@code GET /health} and {@code GET /metrics} report: readiness and the served tables, the
 * query counters, the guardrails' rejections per rule and row-limit rewrites, and the lake's
 * cumulative scan counters.
 */
final class GatewayStatus {
  private final String version;
  private final String backend;
  private final LakeSchema lake;
  private final LakeStatistics statistics;
  private final QueryLog queryLog;
  private final LongSupplier openConnections;
  private final GuardrailMetrics guardrails;
  private final long startedMillis = System.currentTimeMillis();
  private final AtomicBoolean ready = new AtomicBoolean();

  GatewayStatus(String version, String backend, LakeSchema lake, LakeStatistics statistics, QueryLog queryLog,
      LongSupplier openConnections, GuardrailMetrics guardrails) {
    this.version = requireNonNull(version, "version");
    this.backend = requireNonNull(backend, "backend");
    this.lake = requireNonNull(lake, "lake");
    this.statistics = requireNonNull(statistics, "statistics");
    this.queryLog = requireNonNull(queryLog, "queryLog");
    this.openConnections = requireNonNull(openConnections, "openConnections");
    this.guardrails = requireNonNull(guardrails, "guardrails");
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
    health.put("backend", backend);
    health.put("tables", statistics.tables().size());
    health.put("version", version);
    health.put("uptimeSeconds", (System.currentTimeMillis() - startedMillis) / 1000);
    return health;
  }

  Map<String, Object> metrics() {
    Map<String, Object> queries = new LinkedHashMap<>();
    queries.put("ok", queryLog.succeeded());
    queries.put("error", queryLog.failed());
    queries.put("running", queryLog.runningCount());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("backend", backend);
    metrics.put("queries", queries);
    metrics.put("connections", Map.of("open", openConnections.getAsLong()));
    metrics.put("guardrails", guardrails.toMap());
    metrics.put("lake", lake.metrics().snapshot().toMap());
    metrics.put("lakeFiles", statistics.toMap());
    return metrics;
  }
}
