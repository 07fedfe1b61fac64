package io.lakegate.server;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The project's ClickHouse setup for gateway tests that run the ClickHouse test engine: the
 * {@code ddl/nfs} files reading the test lake, and the test lake's model.json routed to the engine as
 * the read-only user, with fast probes.
 */
final class TestClickHouse {
  static final String USER = "lakegate_ro";
  static final String PASSWORD = "ro-secret";
  /** Where {@code ddl/nfs} expects the lake: a server's bind mount. */
  private static final String DDL_LAKE_PATH = "/var/lib/clickhouse/user_files/lake/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestClickHouse() {
  }

  /**
   * Starts the ClickHouse test engine over the test lake, as a server set up with the project's files
   * would be: {@link #USER} with the read-only profile, {@code ddl/nfs} run at start (copied into
   * {@code dir}), two request threads.
   */
  static ClickHouseTestEngine startEngine(Path dir) throws IOException {
    Path lakeRoot = TestLake.model().getParent().resolve("lake");
    Files.createDirectories(dir);
    return ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
        .user(USER, PASSWORD, Map.of("readonly", "2", "max_execution_time", "5"))
        .user("default", "")
        .startupSql(ddlFiles(lakeRoot, dir).toArray(Path[]::new))
        .threads(2)
        .build());
  }

  /** Closes what a test started with {@link #startEngine} and a gateway routed to it (either may be null). */
  static void stop(GatewayServer server, ClickHouseTestEngine engine) throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
  }

  /** The project's ddl/nfs files, copied into {@code dir}/ddl with {@code lake} as the lake path, in name order. */
  static List<Path> ddlFiles(Path lake, Path dir) throws IOException {
    Path into = dir.resolve("ddl");
    Files.createDirectories(into);
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("..", "ddl", "nfs"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        Path copy = into.resolve("nfs-" + file.getFileName());
        Files.writeString(copy, sql.replace(DDL_LAKE_PATH, lake.toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        copies.add(copy);
      }
    }
    return copies;
  }

  /**
   * Writes {@code dir}/model.json: the test lake's model with ClickHouse at {@code url} as {@link #USER},
   * probes every 200 ms with a 500 ms timeout, then whatever {@code adjust} changes in the operand.
   */
  static Path model(Path dir, String url, Consumer<ObjectNode> adjust) throws IOException {
    ObjectNode model = (ObjectNode) JSON.readTree(TestLake.model().toFile());
    ObjectNode operand = (ObjectNode) model.path("schemas").path(0).path("operand");
    ObjectNode clickhouse = (ObjectNode) operand.path("clickhouse");
    clickhouse.put("url", url);
    clickhouse.put("user", USER);
    clickhouse.put("password", PASSWORD);
    ObjectNode failover = (ObjectNode) operand.path("failover");
    failover.put("probeIntervalMs", 200);
    failover.put("healthCheckIntervalMs", 200);
    failover.put("probeTimeoutMs", 500);
    adjust.accept(operand);
    Path file = dir.resolve("model.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), model);
    return file;
  }
}
