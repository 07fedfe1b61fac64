package io.lakegate.e2e;

import io.lakegate.generator.LakeSummary;
import io.lakegate.generator.SampleLake;
import io.lakegate.generator.WriteOptions;
import io.lakegate.lake.ScanMetrics;
import io.lakegate.server.GatewayServer;
import io.lakegate.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A gateway on a freshly generated lake, as a user runs it: the project's own model.json with the
 * lake root pointed at a temporary directory, a free port, the shaded thin driver to connect.
 */
final class LakegateFixture implements AutoCloseable {
  /** Small enough to generate in seconds, large enough for every table to have many partitions. */
  static final long ROWS = 150_000;
  static final long SEED = 20261121L;
  /** Small row groups, so that a day's file has several and statistics can skip some. */
  static final int ROWS_PER_ROW_GROUP = 64;

  private final Path dir;
  private final SampleLake lake;
  private final LakeSummary summary;
  private final GatewayServer server;
  private final ThinDriver driver;

  private LakegateFixture(Path dir, SampleLake lake, LakeSummary summary, GatewayServer server, ThinDriver driver) {
    this.dir = dir;
    this.lake = lake;
    this.summary = summary;
    this.server = server;
    this.driver = driver;
  }

  static LakegateFixture start() throws IOException {
    Path dir = Files.createTempDirectory("lakegate-e2e");
    SampleLake lake = SampleLake.builder().seed(SEED).rows(ROWS).build();
    Path lakeDir = dir.resolve("lake");
    LakeSummary summary = lake.write(lakeDir, WriteOptions.defaults().withRowsPerRowGroup(ROWS_PER_ROW_GROUP));
    Path model = dir.resolve("model.json");
    String projectModel = Files.readString(Path.of(System.getProperty("lakegate.model", "../model.json")));
    String pointed = projectModel.replace("${LAKEGATE_LAKE_ROOT:-sample-lake}", lakeDir.toAbsolutePath().toString());
    if (pointed.equals(projectModel)) {
      throw new IllegalStateException("model.json no longer declares the lake root as ${LAKEGATE_LAKE_ROOT:-sample-lake}");
    }
    Files.writeString(model, pointed);
    GatewayServer server = new GatewayServer(new ServerConfig(model, "127.0.0.1", 0, false)).start();
    return new LakegateFixture(dir, lake, summary, server, ThinDriver.load());
  }

  /** The generator's own rows: the independent source of every expected answer. */
  SampleLake lake() {
    return lake;
  }

  /** What the generator wrote (files, row groups and rows per table). */
  LakeSummary written() {
    return summary;
  }

  Path lakeDir() {
    return dir.resolve("lake");
  }

  int port() {
    return server.port();
  }

  GatewayServer server() {
    return server;
  }

  ScanMetrics.Snapshot scanMetrics() {
    return server.lakeSchema().metrics().snapshot();
  }

  /** A connection through the shaded thin driver; {@code protobuf} is the driver's default. */
  Connection connect() throws SQLException {
    return driver.connect(port(), "protobuf");
  }

  Connection connect(String serialization) throws SQLException {
    return driver.connect(port(), serialization);
  }

  @Override
  public void close() {
    server.close();
    try {
      TempDirectories.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
