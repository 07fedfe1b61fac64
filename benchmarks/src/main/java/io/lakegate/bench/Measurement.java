package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

/**
 * One timed execution: one row of the CSV.
 *
 * @param section the benchmark section ({@code pushdown}, {@code planning}, {@code lake}, ...)
 * @param query the corpus query's name (or the event, for failover)
 * @param subject what ran it ({@code lakegate-clickhouse}, {@code clickhouse-jdbc}, {@code duckdb}, ...)
 * @param phase {@code warmup} or {@code measure}
 * @param rep the repetition within its phase, from 1
 * @param millis wall time in milliseconds
 * @param rows rows returned, -1 when not applicable or failed
 * @param ok whether it succeeded
 * @param detail the error, or extra context; empty when none
 */
public record Measurement(String section, String query, String subject, String phase, int rep, double millis,
    long rows, boolean ok, String detail) {
  public static final String WARMUP = "warmup";
  public static final String MEASURE = "measure";

  public Measurement {
    requireNonNull(section, "section");
    requireNonNull(query, "query");
    requireNonNull(subject, "subject");
    requireNonNull(phase, "phase");
    detail = detail == null ? "" : detail;
  }

  public boolean measured() {
    return MEASURE.equals(phase);
  }
}
