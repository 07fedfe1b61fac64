package io.lakegate.failover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failover's counters since start, for the gateway's {@code /metrics}: statements answered by each
 * backend, re-runs on the lake, statements that failed after rows were sent, ClickHouse errors passed
 * to the caller, breaker transitions and probes. Thread-safe; counting never blocks.
 */
public final class FailoverMetrics {
  private final LongAdder answeredByClickHouse = new LongAdder();
  private final LongAdder answeredByLake = new LongAdder();
  private final LongAdder rerunOnLake = new LongAdder();
  private final LongAdder failedAfterRows = new LongAdder();
  private final LongAdder clickhouseQueryErrors = new LongAdder();
  private final LongAdder breakerOpened = new LongAdder();
  private final LongAdder breakerClosed = new LongAdder();
  private final LongAdder probesHealthy = new LongAdder();
  private final LongAdder probesFailed = new LongAdder();
  private final LongAdder connectionsAborted = new LongAdder();

  void answered(Backend backend) {
    (backend == Backend.CLICKHOUSE ? answeredByClickHouse : answeredByLake).increment();
  }

  void rerunOnLake() {
    rerunOnLake.increment();
  }

  void failedAfterRows() {
    failedAfterRows.increment();
  }

  void clickhouseQueryError() {
    clickhouseQueryErrors.increment();
  }

  void breakerOpened() {
    breakerOpened.increment();
  }

  void breakerClosed() {
    breakerClosed.increment();
  }

  void probe(boolean healthy) {
    (healthy ? probesHealthy : probesFailed).increment();
  }

  void connectionsAborted(int count) {
    connectionsAborted.add(count);
  }

  public long answeredBy(Backend backend) {
    return (backend == Backend.CLICKHOUSE ? answeredByClickHouse : answeredByLake).sum();
  }

  public long rerunsOnLake() {
    return rerunOnLake.sum();
  }

  public long failuresAfterRows() {
    return failedAfterRows.sum();
  }

  public long clickhouseQueryErrors() {
    return clickhouseQueryErrors.sum();
  }

  public long breakerOpenings() {
    return breakerOpened.sum();
  }

  public long breakerClosings() {
    return breakerClosed.sum();
  }

  /** Every counter by its metric name, in a stable order. */
  public Map<String, Long> toMap() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("failover_answered_clickhouse", answeredByClickHouse.sum());
    map.put("failover_answered_lake", answeredByLake.sum());
    map.put("failover_rerun_on_lake", rerunOnLake.sum());
    map.put("failover_failed_after_rows", failedAfterRows.sum());
    map.put("failover_clickhouse_query_errors", clickhouseQueryErrors.sum());
    map.put("failover_breaker_opened", breakerOpened.sum());
    map.put("failover_breaker_closed", breakerClosed.sum());
    map.put("failover_probes_healthy", probesHealthy.sum());
    map.put("failover_probes_failed", probesFailed.sum());
    map.put("failover_connections_aborted", connectionsAborted.sum());
    return map;
  }
}
