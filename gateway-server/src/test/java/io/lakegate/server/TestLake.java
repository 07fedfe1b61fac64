package io.lakegate.server;

import io.lakegate.generator.SampleLake;
import io.lakegate.generator.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small sample lake (the generator's minimum size) under {@code target/}, written once per test
 * run and shared by the test classes, with a copy of the repository's model.json pointing at it.
 * It is rewritten on every run so that it always matches the generator on the classpath, whose
 * row API the tests use for expected values.
 */
final class TestLake {
  static final long ROWS = SampleLake.MIN_ROWS;
  private static final Path DIR = Path.of("target", "test-lake").toAbsolutePath();
  private static SampleLake lake;

  private TestLake() {
  }

  /** The rows the generator wrote, as its own API reports them (the expected values of tests). */
  static synchronized SampleLake lake() {
    if (lake == null) {
      lake = SampleLake.builder().rows(ROWS).build();
      try {
        Path root = DIR.resolve("lake");
        lake.write(root, WriteOptions.defaults().withForce(true));
        writeModel(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lake;
  }

  /** model.json of the repository, its lake root replaced by the test lake. */
  static synchronized Path model() {
    lake();
    return DIR.resolve("model.json");
  }

  private static void writeModel(Path root) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode model = (ObjectNode) mapper.readTree(Path.of("..", "model.json").toFile());
    ObjectNode lakeNode = (ObjectNode) model.path("schemas").path(0).path("operand").path("lake");
    lakeNode.put("root", root.toString());
    Files.createDirectories(DIR);
    mapper.writerWithDefaultPrettyPrinter().writeValue(DIR.resolve("model.json").toFile(), model);
  }
}
