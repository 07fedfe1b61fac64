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
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code policy} key of model.json: its defaults, every key, and an error naming each wrong key. */
class PolicyConfigTest {
  private static final Path PROJECT_MODEL = Path.of("../../model.json");
  private static final String PATH = "model.json: schemas[0].operand.policy";

  @TempDir Path dir;

  @Test void defaultsArePinned() throws IOException {
    PolicyConfig policy = ModelLoader.load(write(model(null)), Map.of()).policy();
    assertEquals(new PolicyConfig(List.of(TableGrant.allColumns("t"), TableGrant.allColumns("u")), 100, 10_000, 5_000,
        100_000, true), policy);
    assertEquals(policy, ModelLoader.load(write(model("{}")), Map.of()).policy());
  }

  @Test void projectModelWritesTheDefaultsOut() {
    LakegateModel model = ModelLoader.load(PROJECT_MODEL, Map.of());
    assertEquals(PolicyConfig.defaults(model.tables()), model.policy());
  }

  @Test void everyKey() throws IOException {
    PolicyConfig policy = ModelLoader.load(write(model("{\"tables\": {\"u\": [\"b\"]}, \"defaultRowLimit\": 10,"
        + " \"maxRowLimit\": \"${MAX_ROWS:-500}\", \"queryTimeoutMs\": 1500, \"maxStatementLength\": 2000,"
        + " \"allowExplain\": false}")), Map.of()).policy();
    assertEquals(new PolicyConfig(List.of(new TableGrant("u", Optional.of(List.of("b")))), 10, 500, 1_500, 2_000,
        false), policy);
    assertTrue(policy.grant("t").isEmpty());
    assertTrue(policy.grant("u").orElseThrow().allows("b"));
    assertFalse(policy.grant("u").orElseThrow().allows("a"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"maxRows\": 5}"
          + "|.maxRows is not a known key; known keys: allowExplain, defaultRowLimit, maxRowLimit, maxStatementLength,"
          + " queryTimeoutMs, tables",
      "{\"defaultRowLimit\": -1}|.defaultRowLimit must be a whole number, not -1",
      "{\"defaultRowLimit\": 0}|: defaultRowLimit must be at least 1, not 0",
      "{\"maxRowLimit\": 1.5}|.maxRowLimit must be a whole number, not 1.5",
      "{\"defaultRowLimit\": 200, \"maxRowLimit\": 100}"
          + "|: defaultRowLimit (200) must not be larger than maxRowLimit (100)",
      "{\"queryTimeoutMs\": 0}|: queryTimeoutMs must be between 1 and 3600000, not 0",
      "{\"queryTimeoutMs\": \"5s\"}|.queryTimeoutMs must be a whole number, not \"5s\"",
      "{\"maxStatementLength\": 0}|: maxStatementLength must be between 1 and 16777216, not 0",
      "{\"allowExplain\": \"yes\"}|.allowExplain must be true or false, not \"yes\"",
      "{\"tables\": []}|.tables must be an object naming at least one table, e.g. {\"t\": \"*\"}",
      "{\"tables\": {\"v\": \"*\"}}|.tables.v no table of that name is declared; declared tables: t, u",
      "{\"tables\": {\"t\": \"all\"}}"
          + "|.tables.t must be \"*\" (every column) or a non-empty array of column names, not \"all\"",
      "{\"tables\": {\"t\": []}}|.tables.t must be \"*\" (every column) or a non-empty array of column names, not []",
      "{\"tables\": {\"u\": [\"a\", \"c\"]}}|.tables.u[1] column \"c\" is not declared in table 'u'; its columns: a, b",
      "{\"tables\": {\"u\": [\"a\", \"a\"]}}|.tables.u[1] column 'a' is listed twice",
      "[1]|must be an object with the keys allowExplain, defaultRowLimit, maxRowLimit, maxStatementLength,"
          + " queryTimeoutMs, tables",
  })
  void wrongKeyIsAStartupErrorThatNamesIt(String policy, String message) throws IOException {
    Path model = write(model(policy));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    String expected = message.startsWith(".") || message.startsWith(":") ? PATH + message : PATH + " " + message;
    assertEquals(expected, e.getMessage());
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("model.json");
    Files.writeString(file, json);
    return file;
  }

  /** Two tables, t(a) and u(a, b), and the given policy object (none when null). */
  private static String model(String policy) {
    return "{\"version\": \"1.0\", \"defaultSchema\": \"analytics\", \"schemas\": [{\"name\": \"analytics\","
        + " \"type\": \"custom\", \"factory\": \"x\", \"operand\": {\"lake\": {\"root\": \"lake\"},"
        + (policy == null ? "" : " \"policy\": " + policy + ",")
        + " \"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"a\", \"type\": \"INTEGER\"}]},"
        + " {\"name\": \"u\", \"columns\": [{\"name\": \"a\", \"type\": \"INTEGER\"}, {\"name\": \"b\", \"type\": \"VARCHAR\"}]}]}}]}";
  }
}
