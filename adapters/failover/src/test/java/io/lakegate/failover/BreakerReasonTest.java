package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.clickhouse.ProbeResult;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** An open breaker reports the latest reason ClickHouse is unusable, and counts its opening once. */
class BreakerReasonTest {
  @Test void theReasonFollowsTheLatestFailureWhileTheBreakerStaysOpen() {
    FailoverMetrics metrics = new FailoverMetrics();
    HealthProbe neverAsked = () -> new ProbeResult(false, Duration.ZERO, Optional.of("not asked"));
    try (CircuitBreaker breaker = new CircuitBreaker(FailoverConfig.defaults(), neverAsked, metrics, () -> { }, () -> { })) {
      breaker.start(true, "");
      breaker.open("Query request failed (attempt: 1)");
      breaker.open("connection refused");
      assertEquals(Optional.of("connection refused"), breaker.openReason());
      assertEquals(1, metrics.breakerOpenings());
    }
  }
}
