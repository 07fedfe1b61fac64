package io.lakegate.catalog;

/**
 * How the virtual schema decides between ClickHouse and the lake ({@code failover} in model.json's
 * operand): how often the circuit breaker probes ClickHouse and how long a probe may take. Every
 * field has a default; the defaults keep a killed or hung ClickHouse from delaying answers by more
 * than about {@code healthCheckIntervalMs + probeTimeoutMs}.
 *
 * @param probeIntervalMs while ClickHouse is considered down (breaker open), a probe runs this often;
 *     traffic returns to ClickHouse at most this long (plus one probe) after it is back
 * @param healthCheckIntervalMs while ClickHouse is considered up (breaker closed), a probe runs this
 *     often, so that a hung server is noticed even when no query is running
 * @param probeTimeoutMs a probe not answered within this long counts as failed (a hung server)
 */
public record FailoverConfig(int probeIntervalMs, int healthCheckIntervalMs, int probeTimeoutMs) {
  public static final int DEFAULT_PROBE_INTERVAL_MS = 500;
  public static final int DEFAULT_HEALTH_CHECK_INTERVAL_MS = 500;
  public static final int DEFAULT_PROBE_TIMEOUT_MS = 800;
  /** Shorter intervals would keep a core busy probing; shorter timeouts would fail a healthy, busy server. */
  public static final int MIN_MS = 50;
  /** Ten minutes: a longer interval would leave traffic on the lake for no reason. */
  public static final int MAX_INTERVAL_MS = 600_000;
  /** A minute: a probe that takes longer has long found a hung server. */
  public static final int MAX_PROBE_TIMEOUT_MS = 60_000;

  public FailoverConfig {
    within(probeIntervalMs, "probeIntervalMs", MAX_INTERVAL_MS);
    within(healthCheckIntervalMs, "healthCheckIntervalMs", MAX_INTERVAL_MS);
    within(probeTimeoutMs, "probeTimeoutMs", MAX_PROBE_TIMEOUT_MS);
  }

  /** Every value its default. */
  public static FailoverConfig defaults() {
    return new FailoverConfig(DEFAULT_PROBE_INTERVAL_MS, DEFAULT_HEALTH_CHECK_INTERVAL_MS, DEFAULT_PROBE_TIMEOUT_MS);
  }

  private static void within(long value, String key, long max) {
    if (value < MIN_MS || value > max) {
      throw new IllegalArgumentException(key + " must be between " + MIN_MS + " and " + max + " ms, not " + value);
    }
  }
}
