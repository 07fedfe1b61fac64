package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed, validated, immutable content of {@code model.json}: the one virtual schema, its
 * tables, and its backends. Parsed once at start by {@link ModelLoader}.
 *
 * @param clickhouse the ClickHouse backend, empty when model.json configures none (an empty url)
 * @param policy the guardrail policy ({@code policy}; every key has a default)
 * @param failover how ClickHouse's health is probed for failover to the lake ({@code failover}; every key
 *     has a default)
 */
public record LakegateModel(String schemaName, List<TableDef> tables, LakeConfig lake,
    Optional<ClickHouseConfig> clickhouse, PolicyConfig policy, FailoverConfig failover) {
  public LakegateModel {
    requireNonNull(schemaName, "schemaName");
    tables = List.copyOf(tables);
    requireNonNull(lake, "lake");
    requireNonNull(clickhouse, "clickhouse");
    requireNonNull(policy, "policy");
    requireNonNull(failover, "failover");
  }

  /** A model with the default failover settings. */
  public LakegateModel(String schemaName, List<TableDef> tables, LakeConfig lake,
      Optional<ClickHouseConfig> clickhouse, PolicyConfig policy) {
    this(schemaName, tables, lake, clickhouse, policy, FailoverConfig.defaults());
  }

  /** A model with the default guardrail policy. */
  public LakegateModel(String schemaName, List<TableDef> tables, LakeConfig lake,
      Optional<ClickHouseConfig> clickhouse) {
    this(schemaName, tables, lake, clickhouse, PolicyConfig.defaults(tables));
  }

  /** A model without ClickHouse, with the default guardrail policy. */
  public LakegateModel(String schemaName, List<TableDef> tables, LakeConfig lake) {
    this(schemaName, tables, lake, Optional.empty());
  }

  public Optional<TableDef> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Map<String, TableDef> tablesByName() {
    Map<String, TableDef> map = new LinkedHashMap<>();
    tables.forEach(t -> map.put(t.name(), t));
    return map;
  }
}
