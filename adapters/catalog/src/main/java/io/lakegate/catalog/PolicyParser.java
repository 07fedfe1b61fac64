package io.lakegate.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code policy} object of model.json's operand into a {@link PolicyConfig}, checking every
 * key against the declared tables; each error names the key's JSON path and what it accepts.
 */
final class PolicyParser {
  static final Set<String> KEYS = new TreeSet<>(Set.of("tables", "defaultRowLimit", "maxRowLimit", "queryTimeoutMs",
      "maxStatementLength", "allowExplain"));
  private static final String ALL_COLUMNS = "*";

  private final EnvSubstitution env;

  PolicyParser(EnvSubstitution env) {
    this.env = env;
  }

  /** The policy at {@code path}; the default policy when {@code node} is missing. */
  PolicyConfig parse(JsonNode node, String path, List<TableDef> declared) {
    if (node.isMissingNode()) {
      return PolicyConfig.defaults(declared);
    }
    if (!node.isObject()) {
      throw error(path, "must be an object with the keys " + String.join(", ", KEYS));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw error(path + "." + key, "is not a known key; known keys: " + String.join(", ", KEYS));
      }
    }
    List<TableGrant> tables = node.has("tables")
        ? grants(node.get("tables"), path + ".tables", declared)
        : PolicyConfig.defaults(declared).tables();
    int defaultRowLimit = (int) number(node, "defaultRowLimit", path, PolicyConfig.DEFAULT_ROW_LIMIT);
    int maxRowLimit = (int) number(node, "maxRowLimit", path, PolicyConfig.DEFAULT_MAX_ROW_LIMIT);
    long timeout = number(node, "queryTimeoutMs", path, PolicyConfig.DEFAULT_QUERY_TIMEOUT_MS);
    int maxLength = (int) number(node, "maxStatementLength", path, PolicyConfig.DEFAULT_MAX_STATEMENT_LENGTH);
    boolean explain = bool(node, "allowExplain", path, PolicyConfig.DEFAULT_ALLOW_EXPLAIN);
    try {
      return new PolicyConfig(tables, defaultRowLimit, maxRowLimit, timeout, maxLength, explain);
    } catch (IllegalArgumentException e) {
      throw new ModelException("model.json: " + path + ": " + e.getMessage());
    }
  }

  private List<TableGrant> grants(JsonNode node, String path, List<TableDef> declared) {
    if (!node.isObject() || node.isEmpty()) {
      throw error(path, "must be an object naming at least one table, e.g. {\"" + declared.get(0).name()
          + "\": \"*\"}");
    }
    List<TableGrant> grants = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String tablePath = path + "." + entry.getKey();
      TableDef table = declared.stream().filter(t -> t.name().equals(entry.getKey())).findFirst()
          .orElseThrow(() -> error(tablePath, "no table of that name is declared; declared tables: "
              + declared.stream().map(TableDef::name).collect(Collectors.joining(", "))));
      grants.add(new TableGrant(table.name(), columns(entry.getValue(), tablePath, table)));
    }
    return grants;
  }

  private static Optional<List<String>> columns(JsonNode node, String path, TableDef table) {
    if (node.isTextual() && ALL_COLUMNS.equals(node.asText())) {
      return Optional.empty();
    }
    if (!node.isArray() || node.isEmpty()) {
      throw error(path, "must be \"*\" (every column) or a non-empty array of column names, not " + node);
    }
    List<String> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode column = node.get(i);
      String name = column.asText();
      if (!column.isTextual() || table.column(name).isEmpty()) {
        throw error(path + "[" + i + "]", "column " + column + " is not declared in table '" + table.name()
            + "'; its columns: " + table.columns().stream().map(ColumnDef::name).collect(Collectors.joining(", ")));
      }
      if (!seen.add(name)) {
        throw error(path + "[" + i + "]", "column '" + name + "' is listed twice");
      }
      columns.add(name);
    }
    return Optional.of(columns);
  }

  /** A whole number, written as a JSON number or as a string (so that it can come from ${ENV}). */
  private long number(JsonNode node, String key, String path, long dflt) {
    JsonNode value = node.get(key);
    if (value == null) {
      return dflt;
    }
    String text = value.isTextual() ? env.resolve(value.asText(), path + "." + key).strip() : value.asText();
    if (!(value.isIntegralNumber() || value.isTextual()) || !text.matches("[0-9]{1,9}")) {
      throw error(path + "." + key, "must be a whole number, not " + value);
    }
    return Long.parseLong(text);
  }

  private boolean bool(JsonNode node, String key, String path, boolean dflt) {
    JsonNode value = node.get(key);
    if (value == null) {
      return dflt;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.isTextual() ? env.resolve(value.asText(), path + "." + key).strip() : "";
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw error(path + "." + key, "must be true or false, not " + value);
  }

  private static ModelException error(String path, String problem) {
    return new ModelException("model.json: " + path + " " + problem);
  }
}
