package io.lakegate.catalog;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code model.json}, a Calcite model whose one custom schema carries lakegate's
 * declarations in its {@code operand}, into a {@link LakegateModel}.
 *
 * <p>Every error names the JSON path of the wrong key and what is expected there; unknown keys
 * are errors too, so a typo never silently falls back to a default.
 */
public final class ModelLoader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> OPERAND_KEYS = Set.of("lake", "tables", "clickhouse", "policy", "failover");
  private static final Set<String> LAKE_KEYS = Set.of("root", "hadoop");
  private static final Set<String> TABLE_KEYS = Set.of("name", "location", "description", "columns");
  private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "nullable", "partition", "description");
  private static final Set<String> CLICKHOUSE_KEYS = Set.of("url", "user", "password", "database",
      "connectTimeoutMs", "socketTimeoutMs", "poolSize", "maxExecutionTimeSeconds", "maxResultRows");

  private final EnvSubstitution env;

  private ModelLoader(EnvSubstitution env) {
    this.env = env;
  }

  /** Loads a model file, resolving environment references from the process environment. */
  public static LakegateModel load(Path modelFile) {
    return new ModelLoader(EnvSubstitution.system()).loadFile(modelFile);
  }

  /** Loads with an explicit environment (tests). */
  public static LakegateModel load(Path modelFile, Map<String, String> environment) {
    return new ModelLoader(new EnvSubstitution(environment::get)).loadFile(modelFile);
  }

  /**
   * Builds the model from a schema operand as Calcite's {@code ModelHandler} passes it to a
   * {@code SchemaFactory} (it adds {@code baseDirectory} when the model came from a file).
   */
  public static LakegateModel fromOperand(String schemaName, Map<String, Object> operand) {
    Object base = operand.get("baseDirectory");
    Path baseDir = base instanceof File f ? f.toPath() : Path.of("").toAbsolutePath();
    Map<String, Object> declared = new LinkedHashMap<>(operand);
    // Keys Calcite's ModelHandler adds to every operand; they are not ours to validate.
    declared.remove("baseDirectory");
    declared.remove("modelUri");
    JsonNode node = MAPPER.valueToTree(declared);
    return new ModelLoader(EnvSubstitution.system()).parseOperand(schemaName, node, baseDir, "operand");
  }

  private LakegateModel loadFile(Path modelFile) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(modelFile));
    } catch (JsonProcessingException e) {
      throw new ModelException("model.json " + modelFile + " is not valid JSON: "
          + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw new ModelException("cannot read model file " + modelFile + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelException("model.json " + modelFile + ": expected a JSON object");
    }
    JsonNode schemas = root.path("schemas");
    if (!schemas.isArray() || schemas.isEmpty()) {
      throw new ModelException("model.json: 'schemas' must be a non-empty array");
    }
    String defaultSchema = root.path("defaultSchema").asText(null);
    for (int i = 0; i < schemas.size(); i++) {
      JsonNode schema = schemas.get(i);
      String name = schema.path("name").asText(null);
      if (defaultSchema == null || defaultSchema.equals(name)) {
        Path baseDir = modelFile.toAbsolutePath().getParent();
        return parseOperand(name, schema.path("operand"), baseDir, "schemas[" + i + "].operand");
      }
    }
    throw new ModelException("model.json: defaultSchema '" + defaultSchema + "' is not among 'schemas'");
  }

  private LakegateModel parseOperand(String schemaName, JsonNode operand, Path baseDir, String path) {
    if (schemaName == null || schemaName.isBlank()) {
      throw new ModelException("model.json: the schema has no 'name'");
    }
    requireObject(operand, path, OPERAND_KEYS);
    LakeConfig lake = parseLake(operand.path("lake"), baseDir, path + ".lake");
    JsonNode tablesNode = operand.path("tables");
    if (!tablesNode.isArray() || tablesNode.isEmpty()) {
      throw new ModelException("model.json: " + path + ".tables must be a non-empty array of tables");
    }
    List<TableDef> tables = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tablesNode.size(); i++) {
      TableDef table = parseTable(tablesNode.get(i), path + ".tables[" + i + "]");
      if (!names.add(table.name())) {
        throw new ModelException("model.json: " + path + ".tables[" + i + "]: table '" + table.name()
            + "' is declared twice");
      }
      tables.add(table);
    }
    JsonNode clickhouseNode = operand.path("clickhouse");
    Optional<ClickHouseConfig> clickhouse = clickhouseNode.isMissingNode()
        ? Optional.empty()
        : parseClickHouse(clickhouseNode, path + ".clickhouse");
    PolicyConfig policy = new PolicyParser(env).parse(operand.path("policy"), path + ".policy", tables);
    FailoverConfig failover = new FailoverParser(env).parse(operand.path("failover"), path + ".failover");
    return new LakegateModel(schemaName, tables, lake, clickhouse, policy, failover);
  }

  /** An empty (or absent) url means the deployment has no ClickHouse: every query runs on the lake. */
  private Optional<ClickHouseConfig> parseClickHouse(JsonNode node, String path) {
    requireObject(node, path, CLICKHOUSE_KEYS);
    String url = optionalText(node, "url", path, "");
    if (url.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ClickHouseConfig(url,
          optionalText(node, "user", path, ClickHouseConfig.DEFAULT_USER),
          optionalText(node, "password", path, ""),
          optionalText(node, "database", path, ClickHouseConfig.DEFAULT_DATABASE),
          (int) optionalNumber(node, "connectTimeoutMs", path, ClickHouseConfig.DEFAULT_CONNECT_TIMEOUT_MS),
          (int) optionalNumber(node, "socketTimeoutMs", path, ClickHouseConfig.DEFAULT_SOCKET_TIMEOUT_MS),
          (int) optionalNumber(node, "poolSize", path, ClickHouseConfig.DEFAULT_POOL_SIZE),
          (int) optionalNumber(node, "maxExecutionTimeSeconds", path,
              ClickHouseConfig.DEFAULT_MAX_EXECUTION_TIME_SECONDS),
          optionalNumber(node, "maxResultRows", path, ClickHouseConfig.DEFAULT_MAX_RESULT_ROWS)));
    } catch (IllegalArgumentException e) {
      throw new ModelException("model.json: " + path + ": " + e.getMessage());
    }
  }

  private String optionalText(JsonNode node, String key, String path, String dflt) {
    JsonNode value = node.get(key);
    if (value == null) {
      return dflt;
    }
    if (!value.isTextual()) {
      throw new ModelException("model.json: " + path + "." + key + " must be a string, not " + value);
    }
    return env.resolve(value.asText(), path + "." + key);
  }

  /** A whole number, written as a JSON number or as a string (so that it can come from ${ENV}). */
  private long optionalNumber(JsonNode node, String key, String path, long dflt) {
    JsonNode value = node.get(key);
    if (value == null) {
      return dflt;
    }
    String text = value.isTextual() ? env.resolve(value.asText(), path + "." + key).strip() : value.asText();
    if (!(value.isIntegralNumber() || value.isTextual()) || !text.matches("[0-9]{1,9}")) {
      throw new ModelException("model.json: " + path + "." + key + " must be a whole number, not " + value);
    }
    return Long.parseLong(text);
  }

  private LakeConfig parseLake(JsonNode node, Path baseDir, String path) {
    requireObject(node, path, LAKE_KEYS);
    String root = requiredText(node, "root", path);
    Map<String, String> hadoop = new LinkedHashMap<>();
    JsonNode hadoopNode = node.path("hadoop");
    if (!hadoopNode.isMissingNode()) {
      requireObject(hadoopNode, path + ".hadoop", null);
      for (Iterator<Map.Entry<String, JsonNode>> it = hadoopNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        hadoop.put(e.getKey(), env.resolve(e.getValue().asText(), path + ".hadoop." + e.getKey()));
      }
    }
    return new LakeConfig(toUri(root, baseDir), hadoop);
  }

  /** A root with a scheme is taken as it is; a plain path is relative to the model file's directory. */
  private static URI toUri(String root, Path baseDir) {
    if (root.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || root.startsWith("file:")) {
      return URI.create(root);
    }
    return baseDir.resolve(root).normalize().toUri();
  }

  private TableDef parseTable(JsonNode node, String path) {
    requireObject(node, path, TABLE_KEYS);
    String name = requiredText(node, "name", path);
    String location = node.hasNonNull("location") ? requiredText(node, "location", path) : name;
    JsonNode columnsNode = node.path("columns");
    if (!columnsNode.isArray() || columnsNode.isEmpty()) {
      throw new ModelException("model.json: " + path + ".columns must be a non-empty array");
    }
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < columnsNode.size(); i++) {
      ColumnDef column = parseColumn(columnsNode.get(i), path + ".columns[" + i + "]");
      if (!names.add(column.name())) {
        throw new ModelException("model.json: " + path + ": column '" + column.name() + "' is declared twice");
      }
      columns.add(column);
    }
    return new TableDef(name, location, columns, node.path("description").asText(""));
  }

  private ColumnDef parseColumn(JsonNode node, String path) {
    requireObject(node, path, COLUMN_KEYS);
    String name = requiredText(node, "name", path);
    String typeText = requiredText(node, "type", path);
    ColumnType type;
    try {
      type = ColumnType.parse(typeText);
    } catch (IllegalArgumentException e) {
      throw new ModelException("model.json: " + path + ".type: " + e.getMessage());
    }
    boolean nullable = optionalBoolean(node, "nullable", path, true);
    boolean partition = optionalBoolean(node, "partition", path, false);
    return new ColumnDef(name, type, nullable, partition, node.path("description").asText(""));
  }

  private String requiredText(JsonNode node, String key, String path) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new ModelException("model.json: " + path + "." + key + " is required and must be a non-empty string");
    }
    return env.resolve(value.asText(), path + "." + key);
  }

  private static boolean optionalBoolean(JsonNode node, String key, String path, boolean dflt) {
    JsonNode value = node.get(key);
    if (value == null) {
      return dflt;
    }
    if (!value.isBoolean()) {
      throw new ModelException("model.json: " + path + "." + key + " must be true or false, not " + value);
    }
    return value.booleanValue();
  }

  private static void requireObject(JsonNode node, String path, Set<String> allowedKeys) {
    if (!node.isObject()) {
      throw new ModelException("model.json: " + path + " must be an object");
    }
    if (allowedKeys == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowedKeys.contains(key)) {
        throw new ModelException("model.json: " + path + "." + key + " is not a known key; known keys: "
            + String.join(", ", allowedKeys.stream().sorted().toList()));
      }
    }
  }
}
