package io.lakegate.failover;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.FailoverConfig;
import io.lakegate.catalog.LakeConfig;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.generator.SampleLake;
import io.lakegate.lake.LakeSchema;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shared test world of this module: a generated 20,000-row lake, the lake schema over it, and the
 * ClickHouse test engine running the project's real {@code ddl/nfs} over the same files (as
 * {@code adapters/clickhouse}'s fixture does). Tests that kill or pause the engine call
 * {@link #healthyEngine()} first, which brings it back. Made once per test JVM, removed at exit.
 */
final class FailoverWorld {
  static final String DDL_LAKE_PATH = "/var/lib/clickhouse/user_files/lake/";
  static final Path DDL_DIR = Path.of("../../ddl").toAbsolutePath().normalize();
  static final Path PROJECT_MODEL = Path.of("../../model.json");
  static final String USER = "lakegate_ro";
  static final String PASSWORD = "ro-secret";
  /** Fast probes, so that tests see failover and recovery quickly. */
  static final FailoverConfig FAST = new FailoverConfig(200, 200, 500);

  private static FailoverWorld instance;

  final Path directory;
  final Path lakeRoot;
  final LakegateModel declared;
  final LakeSchema lake;
  final ClickHouseTestEngine engine;

  private FailoverWorld(Path directory, Path lakeRoot, LakegateModel declared, LakeSchema lake,
      ClickHouseTestEngine engine) {
    this.directory = directory;
    this.lakeRoot = lakeRoot;
    this.declared = declared;
    this.lake = lake;
    this.engine = engine;
  }

  static synchronized FailoverWorld get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (IOException e) {
        throw new UncheckedIOException("the failover test world failed to start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "failover-world-close"));
    }
    return instance;
  }

  private static FailoverWorld start() throws IOException {
    Path directory = Files.createTempDirectory("lakegate-failover-test-");
    Path lakeRoot = directory.resolve("lake");
    SampleLake.builder().seed(42).rows(20_000).build().write(lakeRoot);
    LakegateModel fromFile = ModelLoader.load(PROJECT_MODEL, Map.of());
    LakegateModel declared = new LakegateModel(fromFile.schemaName(), fromFile.tables(),
        new LakeConfig(lakeRoot.toUri(), Map.of()), Optional.empty(), fromFile.policy(), FAST);
    LakeSchema lake = LakeSchema.open(declared);
    ClickHouseTestEngine engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
        .user(USER, PASSWORD, Map.of("readonly", "2", "max_execution_time", "5", "max_result_rows", "1000000",
            "result_overflow_mode", "throw"))
        .user("default", "")
        .startupSql(ddlFiles(lakeRoot, directory.resolve("ddl")).toArray(Path[]::new))
        .threads(4)
        .build());
    return new FailoverWorld(directory, lakeRoot, declared, lake, engine);
  }

  /** The model with ClickHouse at {@code url} (as the read-only user) and {@code failover}'s probes. */
  LakegateModel model(String url, FailoverConfig failover) {
    return new LakegateModel(declared.schemaName(), declared.tables(), declared.lake(), Optional.of(config(url)),
        declared.policy(), failover);
  }

  /** The model with the running engine and fast probes. */
  LakegateModel model() {
    return model(engine.jdbcUrl(), FAST);
  }

  static ClickHouseConfig config(String url) {
    return new ClickHouseConfig(url, USER, PASSWORD, "analytics", 1_000, 7_000, 4, 5, 1_000_000);
  }

  /** The engine, resumed or restarted if a test left it paused or dead. */
  ClickHouseTestEngine healthyEngine() throws IOException {
    try {
      engine.resume();
    } catch (IllegalStateException e) {
      // not running at all: restart below
    }
    if (!engineAnswers()) {
      engine.restart();
    }
    return engine;
  }

  private boolean engineAnswers() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", engine.port()), 500);
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write("GET /ping HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).endsWith("Ok.\n");
    } catch (IOException e) {
      return false;
    }
  }

  /** A 127.0.0.1 port nothing listens on (bound and released at once). */
  static int refusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The project's ddl/nfs files with the lake path replaced by {@code lake}'s, in name order. */
  private static List<Path> ddlFiles(Path lake, Path into) throws IOException {
    Files.createDirectories(into);
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(DDL_DIR.resolve("nfs"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        Path copy = into.resolve("nfs-" + file.getFileName());
        Files.writeString(copy, sql.replace(DDL_LAKE_PATH, lake.toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        copies.add(copy);
      }
    }
    return copies;
  }

  private void close() {
    try {
      engine.close();
      deleteRecursively(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("closing the failover test world failed", e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
