package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run found, for the report; a section that did not run is null (or empty).
 *
 * @param loadAtEnd the load average when the run finished
 * @param maxFilesPerPartition the most parquet files any partition of the lake has
 * @param engineVersion ClickHouse's {@code version()}
 * @param probeIntervalMs model.json's failover probe interval
 * @param failures sections that could not finish, with the reason
 */
record RunResults(BenchOptions options, MachineInfo machine, String loadAtEnd, LakeCache.Lake lake,
    int maxFilesPerPartition, Instant started, Duration elapsed, String engineVersion, PushdownSection.Result pushdown,
    PlanningSection.Result planning, LakeSection.Result lakePath, List<ConcurrencySection.Level> concurrency,
    FailoverSection.Result failover, List<ProfilePass.Profile> profiles, int probeIntervalMs,
    List<String> failures) {

  RunResults {
    requireNonNull(options, "options");
    requireNonNull(machine, "machine");
    requireNonNull(lake, "lake");
    concurrency = List.copyOf(concurrency);
    profiles = List.copyOf(profiles);
    failures = List.copyOf(failures);
  }
}
