package io.lakegate.failover;

import io.lakegate.clickhouse.ProbeResult;

/** A cheap check whether ClickHouse answers; implementations never throw. */
@FunctionalInterface
interface HealthProbe {
  ProbeResult probe();
}
