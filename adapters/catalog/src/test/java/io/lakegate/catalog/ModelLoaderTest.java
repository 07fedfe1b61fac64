package io.lakegate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests {@link ModelLoader} on the project's own model.json and on broken models. */
class ModelLoaderTest {
  private static final Path PROJECT_MODEL = Path.of("../../model.json");

  @TempDir Path dir;

  @Test void projectModelDeclaresTheThreeLakeTables() {
    LakegateModel model = ModelLoader.load(PROJECT_MODEL, Map.of());
    assertEquals("analytics", model.schemaName());
    assertEquals(List.of("partner_metrics", "quote_outcomes", "commission_history"),
        model.tables().stream().map(TableDef::name).toList());
    TableDef quotes = model.table("quote_outcomes").orElseThrow();
    assertEquals(List.of("date"), quotes.partitionColumns().stream().map(ColumnDef::name).toList());
    ColumnDef premium = quotes.column("list_premium").orElseThrow();
    assertEquals(new ColumnType(SqlTypeName.DECIMAL, 12, 2), premium.type());
    assertFalse(premium.nullable());
    assertTrue(quotes.column("final_premium").orElseThrow().nullable());
    assertEquals("TIMESTAMP(3)", quotes.column("quoted_at").orElseThrow().type().toString());
    TableDef commissions = model.table("commission_history").orElseThrow();
    assertEquals(List.of("partner_id"), commissions.partitionColumns().stream().map(ColumnDef::name).toList());
  }

  @Test void lakeRootDefaultsToTheSampleLakeBesideTheModel() {
    LakegateModel model = ModelLoader.load(PROJECT_MODEL, Map.of());
    Path expected = PROJECT_MODEL.toAbsolutePath().getParent().resolve("sample-lake").normalize();
    assertEquals(expected.toUri(), model.lake().root());
  }

  @Test void lakeRootComesFromTheEnvironment() {
    LakegateModel model = ModelLoader.load(PROJECT_MODEL, Map.of("LAKEGATE_LAKE_ROOT", "abfss://lake@acct.dfs.core.windows.net/prod"));
    assertEquals("abfss://lake@acct.dfs.core.windows.net/prod", model.lake().root().toString());
  }

  @Test void unsetVariableWithoutDefaultNamesTheVariableAndTheKey() throws IOException {
    Path model = write(modelWith("\"root\": \"${LAKE_ROOT_NOT_SET}\"", column("a", "INTEGER")));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    assertEquals("model.json: schemas[0].operand.lake.root: environment variable LAKE_ROOT_NOT_SET is not set;"
        + " set it or give a default as ${LAKE_ROOT_NOT_SET:-value}", e.getMessage());
  }

  @Test void unknownTypeListsTheAcceptedOnes() throws IOException {
    Path model = write(modelWith("\"root\": \"lake\"", column("a", "VARCHA")));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    assertEquals("model.json: schemas[0].operand.tables[0].columns[0].type: unknown type 'VARCHA'; accepted: "
        + ColumnType.ACCEPTED, e.getMessage());
  }

  @Test void unknownKeyIsAnErrorNotASilentDefault() throws IOException {
    Path model = write(modelWith("\"root\": \"lake\", \"rooot\": \"x\"", column("a", "INTEGER")));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    assertEquals("model.json: schemas[0].operand.lake.rooot is not a known key; known keys: hadoop, root", e.getMessage());
  }

  @Test void duplicateColumnIsRejected() throws IOException {
    Path model = write(modelWith("\"root\": \"lake\"", column("a", "INTEGER") + "," + column("a", "BIGINT")));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    assertEquals("model.json: schemas[0].operand.tables[0]: column 'a' is declared twice", e.getMessage());
  }

  @Test void invalidJsonNamesTheLine() throws IOException {
    Path model = write("{\n \"schemas\": [\n}");
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    assertTrue(e.getMessage().contains("is not valid JSON") && e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test void projectModelHasNoClickHouseUntilItsUrlIsSet() {
    assertTrue(ModelLoader.load(PROJECT_MODEL, Map.of()).clickhouse().isEmpty());
  }

  @Test void projectModelClickHouseFromTheEnvironment() {
    LakegateModel model = ModelLoader.load(PROJECT_MODEL, Map.of(
        "LAKEGATE_CLICKHOUSE_URL", "jdbc:clickhouse://ch:8123", "LAKEGATE_CLICKHOUSE_PASSWORD", "s3cret"));
    assertEquals(new ClickHouseConfig("jdbc:clickhouse://ch:8123", "lakegate_ro", "s3cret", "analytics",
        1000, 7000, 4, 5, 1_000_000), model.clickhouse().orElseThrow());
  }

  @Test void clickHouseDefaultsArePinned() throws IOException {
    Path model = write(modelWithClickHouse("\"url\": \"jdbc:clickhouse://localhost:8123\""));
    assertEquals(new ClickHouseConfig("jdbc:clickhouse://localhost:8123", ClickHouseConfig.DEFAULT_USER, "",
        "analytics", 1_000, 7_000, 4, 5, 1_000_000), ModelLoader.load(model, Map.of()).clickhouse().orElseThrow());
  }

  @Test void clickHouseEveryKey() throws IOException {
    Path model = write(modelWithClickHouse("\"url\": \"jdbc:ch://h:1\", \"user\": \"u\", \"password\": \"${PW}\","
        + " \"database\": \"d\", \"connectTimeoutMs\": 250, \"socketTimeoutMs\": \"${SOCKET_MS:-12000}\","
        + " \"poolSize\": 2, \"maxExecutionTimeSeconds\": 10, \"maxResultRows\": 5000"));
    ClickHouseConfig config = ModelLoader.load(model, Map.of("PW", "pw")).clickhouse().orElseThrow();
    assertEquals(new ClickHouseConfig("jdbc:ch://h:1", "u", "pw", "d", 250, 12_000, 2, 10, 5_000), config);
    assertFalse(config.toString().contains("pw,"), config.toString());
  }

  @Test void clickHouseEmptyUrlMeansNoClickHouse() throws IOException {
    Path model = write(modelWithClickHouse("\"url\": \"${CH_URL:-}\", \"poolSize\": 3"));
    assertTrue(ModelLoader.load(model, Map.of()).clickhouse().isEmpty());
  }

  @Test void clickHouseUnknownKeyListsTheKnownOnes() throws IOException {
    Path model = write(modelWithClickHouse("\"url\": \"jdbc:clickhouse://h:1\", \"pool\": 3"));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    assertEquals("model.json: schemas[0].operand.clickhouse.pool is not a known key; known keys: connectTimeoutMs,"
        + " database, maxExecutionTimeSeconds, maxResultRows, password, poolSize, socketTimeoutMs, url, user",
        e.getMessage());
  }

  @Test void clickHouseBadValuesNameTheKey() throws IOException {
    Path notANumber = write(modelWithClickHouse("\"url\": \"jdbc:clickhouse://h:1\", \"poolSize\": \"four\""));
    assertEquals("model.json: schemas[0].operand.clickhouse.poolSize must be a whole number, not \"four\"",
        assertThrows(ModelException.class, () -> ModelLoader.load(notANumber, Map.of())).getMessage());
    Path badUrl = write(modelWithClickHouse("\"url\": \"http://h:8123\""));
    assertEquals("model.json: schemas[0].operand.clickhouse: url must be a clickhouse-jdbc URL such as"
        + " jdbc:clickhouse://host:8123, not 'http://h:8123'",
        assertThrows(ModelException.class, () -> ModelLoader.load(badUrl, Map.of())).getMessage());
    Path shortSocket = write(modelWithClickHouse("\"url\": \"jdbc:clickhouse://h:1\", \"socketTimeoutMs\": 5000"));
    assertTrue(assertThrows(ModelException.class, () -> ModelLoader.load(shortSocket, Map.of())).getMessage()
        .startsWith("model.json: schemas[0].operand.clickhouse: socketTimeoutMs (5000) must be longer than"
            + " maxExecutionTimeSeconds (5 s)"));
    Path zeroPool = write(modelWithClickHouse("\"url\": \"jdbc:clickhouse://h:1\", \"poolSize\": 0"));
    assertEquals("model.json: schemas[0].operand.clickhouse: poolSize must be at least 1, not 0",
        assertThrows(ModelException.class, () -> ModelLoader.load(zeroPool, Map.of())).getMessage());
  }

  @Test void typesParseAndPrint() {
    assertEquals("DECIMAL(6,4)", ColumnType.parse("decimal( 6, 4 )").toString());
    assertEquals("TIMESTAMP(3)", ColumnType.parse("TIMESTAMP").toString());
    assertEquals("INTEGER", ColumnType.parse("int").toString());
    assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("TIMESTAMP(6)"));
    assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("DECIMAL(40,2)"));
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("model.json");
    Files.writeString(file, json);
    return file;
  }

  private static String column(String name, String type) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\"}";
  }

  private static String modelWithClickHouse(String clickhouse) {
    return modelWith("\"root\": \"lake\"", column("a", "INTEGER"))
        .replace("\"tables\":", "\"clickhouse\": {" + clickhouse + "}, \"tables\":");
  }

  private static String modelWith(String lake, String columns) {
    return "{\"version\": \"1.0\", \"defaultSchema\": \"analytics\", \"schemas\": [{\"name\": \"analytics\","
        + " \"type\": \"custom\", \"factory\": \"x\", \"operand\": {\"lake\": {" + lake + "},"
        + " \"tables\": [{\"name\": \"t\", \"columns\": [" + columns + "]}]}}]}";
  }
}
