package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one {@link ClickHouseBackend#probe()}: whether ClickHouse answered {@code SELECT 1},
 * how long it took, and why not.
 *
 * @param healthy whether ClickHouse answered correctly within the probe timeout
 * @param elapsed time the probe took
 * @param problem why the probe failed, empty when healthy
 */
public record ProbeResult(boolean healthy, Duration elapsed, Optional<String> problem) {
  public ProbeResult {
    requireNonNull(elapsed, "elapsed");
    requireNonNull(problem, "problem");
  }
}
