package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed, validated, immutable content of {@code model.json}: the one virtual schema, its
 * tables, and its backends. Parsed once at start by {@link ModelLoader}.
 */
public record LakegateModel(String schemaName, List<TableDef> tables, LakeConfig lake) {
  public LakegateModel {
    requireNonNull(schemaName, "schemaName");
    tables = List.copyOf(tables);
    requireNonNull(lake, "lake");
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
