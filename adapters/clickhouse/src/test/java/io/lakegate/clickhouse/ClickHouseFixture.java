package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ClickHouseConfig;
import io.lakegate.catalog.LakeConfig;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.generator.SampleLake;
import io.lakegate.lake.LakeSchema;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The shared test world: a generated 30,000-row lake, the ClickHouse test engine that loads the
 * project's real {@code ddl/nfs} files over it, the {@link ClickHouseBackend} on that engine (as the
 * read-only user), and the lake schema over the same files, each behind a Calcite connection as the
 * gateway opens them. Made once per test run ({@link #get()}), closed at JVM exit by JUnit's root store.
 */
final class ClickHouseFixture implements AutoCloseable {
  /** Where ddl/ expects the lake; the tests substitute their generated lake's directory. */
  static final String DDL_LAKE_PATH = "/var/lib/clickhouse/user_files/lake/";
  static final Path DDL_DIR = Path.of("../../ddl").toAbsolutePath().normalize();
  static final Path PROJECT_MODEL = Path.of("../../model.json");
  static final String USER = "lakegate_ro";
  static final String PASSWORD = "ro-secret";
  static final String CALCITE_URL = "jdbc:calcite:lex=MYSQL_ANSI;timeZone=UTC;fun=standard";

  private static ClickHouseFixture instance;
  private static Exception failure;

  final Path directory;
  final Path lakeRoot;
  final ClickHouseTestEngine engine;
  final LakegateModel model;
  final ClickHouseBackend backend;
  final Connection clickhouse;
  final Connection lake;

  private ClickHouseFixture(Path directory, Path lakeRoot, ClickHouseTestEngine engine, LakegateModel model,
      ClickHouseBackend backend, Connection clickhouse, Connection lake) {
    this.directory = directory;
    this.lakeRoot = lakeRoot;
    this.engine = engine;
    this.model = model;
    this.backend = backend;
    this.clickhouse = clickhouse;
    this.lake = lake;
  }

  /** Generates the lake, starts the engine on ddl/nfs, opens both schemas; closes what it started on failure. */
  private static ClickHouseFixture start(Path directory) throws Exception {
    Path lakeRoot = directory.resolve("lake");
    SampleLake.builder().seed(42).rows(30_000).build().write(lakeRoot);
    ClickHouseTestEngine engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
        .user(USER, PASSWORD, Map.of("readonly", "2", "max_execution_time", "5", "max_result_rows", "1000000",
            "result_overflow_mode", "throw"))
        .user("default", "")
        .startupSql(ddlFiles("nfs", lakeRoot, directory.resolve("ddl")).toArray(Path[]::new))
        .threads(4)
        .build());
    try {
      LakegateModel declared = ModelLoader.load(PROJECT_MODEL, Map.of());
      LakegateModel model = new LakegateModel(declared.schemaName(), declared.tables(),
          new LakeConfig(lakeRoot.toUri(), Map.of()), Optional.of(config(engine.jdbcUrl())));
      ClickHouseBackend backend = ClickHouseBackend.open(model, model.clickhouse().orElseThrow());
      try {
        Connection clickhouse = connect(parent -> backend.createSchema(parent, "analytics"));
        LakeSchema lakeSchema = LakeSchema.open(model);
        Connection lake = connect(parent -> lakeSchema);
        return new ClickHouseFixture(directory, lakeRoot, engine, model, backend, clickhouse, lake);
      } catch (Exception e) {
        backend.close();
        throw e;
      }
    } catch (Exception e) {
      engine.close();
      throw e;
    }
  }

  /** The fixture of this test run, started on first use; a failed start fails every later call at once. */
  static synchronized ClickHouseFixture get() {
    if (failure != null) {
      throw new IllegalStateException("the ClickHouse fixture failed to start earlier", failure);
    }
    if (instance == null) {
      Path directory = null;
      try {
        directory = Files.createTempDirectory("lakegate-clickhouse-test-");
        instance = start(directory);
      } catch (Exception e) {
        failure = e;
        deleteQuietly(directory, e);
        throw new IllegalStateException("the ClickHouse fixture failed to start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          instance.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing the ClickHouse fixture failed", e);
        }
      }, "clickhouse-fixture-close"));
    }
    return instance;
  }

  private static void deleteQuietly(Path directory, Exception cause) {
    if (directory == null) {
      return;
    }
    try {
      deleteRecursively(directory);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** The ClickHouse settings a test user of {@code url} gets (the read-only user's password). */
  static ClickHouseConfig config(String url) {
    return new ClickHouseConfig(url, USER, PASSWORD, "analytics", 1_000, 7_000, 2, 5, 1_000_000);
  }

  /**
   * Copies the project's {@code ddl/<kind>/*.sql}, in name order, into {@code into} with the lake
   * path replaced by {@code lake}'s: the only change the tests make to the files ClickHouse loads.
   */
  static List<Path> ddlFiles(String kind, Path lake, Path into) throws IOException {
    Files.createDirectories(into);
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(DDL_DIR.resolve(kind))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        Path copy = into.resolve(kind + "-" + file.getFileName());
        Files.writeString(copy, sql.replace(DDL_LAKE_PATH, lake.toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        copies.add(copy);
      }
    }
    return copies;
  }

  /** A Calcite connection as the gateway opens one, with {@code schema} as "analytics". */
  static Connection connect(java.util.function.Function<SchemaPlus, Schema> schema) throws SQLException {
    Connection connection = DriverManager.getConnection(CALCITE_URL);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    SchemaPlus root = calcite.getRootSchema();
    root.add("analytics", requireNonNull(schema.apply(root), "schema"));
    calcite.setSchema("analytics");
    return connection;
  }

  /** Closes both connections, the backend and the engine (each even if another fails), then deletes the lake. */
  @Override
  public void close() throws IOException, SQLException {
    try {
      clickhouse.close();
      lake.close();
    } finally {
      try {
        backend.close();
      } finally {
        engine.close();
        deleteRecursively(directory);
      }
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
