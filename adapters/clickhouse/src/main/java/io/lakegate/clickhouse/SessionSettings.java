package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.PolicyConfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ClickHouse settings every gateway session sends with every query: the policy's limits, and
 * the settings that make ClickHouse answer like standard SQL (and so like the lake path).
 *
 * <p>They travel as query parameters ({@code clickhouse_setting_<name>} driver properties), so they
 * hold for each statement independently of any server-side session. The read-only profile of
 * {@code ddl/users} caps the limits with constraints, so a session cannot raise them.
 *
 * @param settings setting name to value, in the order they are sent
 */
public record SessionSettings(Map<String, String> settings) {

  public SessionSettings {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(settings, "settings")));
  }

  /**
   * The settings for {@code config}'s limits and {@code policy}'s query timeout (whole seconds,
   * rounded up; the shorter of the two). {@code max_result_rows} is the backend's own cap on what
   * one statement may send, not the policy's row limit: a query ClickHouse runs only in part may
   * need more rows from it than the query returns.
   */
  public static SessionSettings of(ClickHouseConfig config, PolicyConfig policy) {
    requireNonNull(config, "config");
    requireNonNull(policy, "policy");
    long policySeconds = Math.max(1, (policy.queryTimeoutMs() + 999) / 1000);
    Map<String, String> s = new LinkedHashMap<>();
    // Limits; the profile's constraints cap them on the server.
    s.put("max_execution_time", Long.toString(Math.min(config.maxExecutionTimeSeconds(), policySeconds)));
    s.put("max_result_rows", Long.toString(config.maxResultRows()));
    // A truncated answer would look like a right one: fail instead.
    s.put("result_overflow_mode", "throw");
    // Outer joins fill the missing side with NULL, not with 0 / '' (ClickHouse's default).
    s.put("join_use_nulls", "1");
    // SUM/MIN/MAX/AVG of no rows are NULL, not 0.
    s.put("aggregate_functions_null_for_empty", "1");
    // Dates, timestamps and their literals are UTC, as everywhere in lakegate.
    s.put("session_timezone", "UTC");
    // Calcite writes UNION / INTERSECT / EXCEPT without a quantifier, meaning DISTINCT.
    s.put("union_default_mode", "DISTINCT");
    s.put("intersect_default_mode", "DISTINCT");
    s.put("except_default_mode", "DISTINCT");
    // COUNT(DISTINCT) exact, whatever a server profile says (uniq would estimate).
    s.put("count_distinct_implementation", "uniqExact");
    // JOIN ON conditions that compare both sides other than by equality (e.g. a date within a
    // validity range): experimental on 24.8, accepted and harmless on 26.5.
    s.put("allow_experimental_join_condition", "1");
    // A name means the column of that name, as in SQL, not an alias of the same name given elsewhere in
    // the SELECT: Calcite reuses generated names ($f1) for a column and an aggregate over it
    // (EXCEPT's COUNT(*) FILTER (WHERE $f1 = 0) AS $f1), which ClickHouse otherwise reads as an
    // aggregate inside itself (ILLEGAL_AGGREGATION, 184).
    s.put("prefer_column_name_to_alias", "1");
    // A file that lacks a column, or holds NULL in a non-Nullable one, is an error, not zeros.
    s.put("input_format_parquet_allow_missing_columns", "0");
    s.put("input_format_null_as_default", "0");
    return new SessionSettings(s);
  }
}
