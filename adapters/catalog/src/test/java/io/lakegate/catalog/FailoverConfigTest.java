package io.lakegate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code failover} key of model.json: its defaults, every key, and an error naming each wrong key. */
class FailoverConfigTest {
  private static final Path PROJECT_MODEL = Path.of("../../model.json");
  private static final String PATH = "model.json: schemas[0].operand.failover";

  @TempDir Path dir;

  @Test void defaultsArePinned() throws IOException {
    FailoverConfig failover = ModelLoader.load(write(model(null)), Map.of()).failover();
    assertEquals(new FailoverConfig(500, 500, 800), failover);
    assertEquals(failover, ModelLoader.load(write(model("{}")), Map.of()).failover());
    assertEquals(FailoverConfig.defaults(), failover);
  }

  @Test void projectModelUsesTheDefaults() {
    assertEquals(FailoverConfig.defaults(), ModelLoader.load(PROJECT_MODEL, Map.of()).failover());
  }

  @Test void everyKey() throws IOException {
    FailoverConfig failover = ModelLoader.load(write(model("{\"probeIntervalMs\": 250,"
        + " \"healthCheckIntervalMs\": \"${HEALTH_MS:-1000}\", \"probeTimeoutMs\": 300}")), Map.of()).failover();
    assertEquals(new FailoverConfig(250, 1_000, 300), failover);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"probeInterval\": 5}"
          + "|.probeInterval is not a known key; known keys: healthCheckIntervalMs, probeIntervalMs, probeTimeoutMs",
      "{\"probeIntervalMs\": -1}|.probeIntervalMs must be a whole number of milliseconds, not -1",
      "{\"probeIntervalMs\": 10}|: probeIntervalMs must be between 50 and 600000 ms, not 10",
      "{\"healthCheckIntervalMs\": 600001}|: healthCheckIntervalMs must be between 50 and 600000 ms, not 600001",
      "{\"probeTimeoutMs\": 1.5}|.probeTimeoutMs must be a whole number of milliseconds, not 1.5",
      "{\"probeTimeoutMs\": 60001}|: probeTimeoutMs must be between 50 and 60000 ms, not 60001",
      "[1]|must be an object with the keys healthCheckIntervalMs, probeIntervalMs, probeTimeoutMs",
  })
  void wrongKeyIsAStartupErrorThatNamesIt(String failover, String message) throws IOException {
    Path model = write(model(failover));
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(model, Map.of()));
    String expected = message.startsWith(".") || message.startsWith(":") ? PATH + message : PATH + " " + message;
    assertEquals(expected, e.getMessage());
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("model.json");
    Files.writeString(file, json);
    return file;
  }

  /** One table t(a) and the given failover object (none when null). */
  private static String model(String failover) {
    return "{\"version\": \"1.0\", \"defaultSchema\": \"analytics\", \"schemas\": [{\"name\": \"analytics\","
        + " \"type\": \"custom\", \"factory\": \"x\", \"operand\": {\"lake\": {\"root\": \"lake\"},"
        + (failover == null ? "" : " \"failover\": " + failover + ",")
        + " \"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"a\", \"type\": \"INTEGER\"}]}]}}]}";
  }
}
