package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@link ClickHouseBackend#probe()} answers quickly whether ClickHouse is up, and never throws. */
class ProbeTest {
  @Test void healthyEngine() {
    ProbeResult probe = ClickHouseFixture.get().backend.probe();
    assertTrue(probe.healthy(), () -> probe.problem().orElse(""));
    assertTrue(probe.problem().isEmpty());
  }

  /** A hung server (SIGSTOP: connections accepted, nothing answers) is reported within the probe timeout. */
  @Test void hungEngineIsUnhealthyWithinTheProbeTimeout() {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    fixture.engine.pause();
    ProbeResult probe;
    try {
      probe = fixture.backend.probe();
    } finally {
      fixture.engine.resume();
    }
    assertFalse(probe.healthy());
    assertTrue(probe.problem().isPresent());
    assertTrue(probe.elapsed().compareTo(Duration.ofMillis(fixture.model.failover().probeTimeoutMs() + 1_000)) < 0,
        "took " + probe.elapsed());
    ProbeResult again = fixture.backend.probe();
    assertTrue(again.healthy(), () -> "after resume: " + again.problem().orElse(""));
  }
}
