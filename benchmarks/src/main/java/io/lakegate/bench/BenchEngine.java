package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The ClickHouse test engine (ClickHouse 26.5's own engine, libchdb.so, behind its HTTP interface) serving
 * the project's {@code ddl/nfs} over the generated lake, with the read-only user the gateway connects as
 * (the settings of {@code ddl/users/lakegate.xml}'s profile, since the engine has no profiles).
 */
final class BenchEngine implements AutoCloseable {
  static final String USER = "lakegate_ro";
  static final String PASSWORD = "bench-ro-secret";
  static final String DATABASE = "analytics";
  /** Where {@code ddl/nfs} expects the lake: a real server's bind mount. */
  static final String DDL_LAKE_PATH = "/var/lib/clickhouse/user_files/lake/";
  static final Map<String, String> PROFILE = Map.of("readonly", "2", "max_execution_time", "5",
      "max_result_rows", "1000000", "result_overflow_mode", "throw");
  /** Requests the engine serves at once (the fixture's default). */
  static final int THREADS = 8;

  private final ClickHouseTestEngine engine;

  private BenchEngine(ClickHouseTestEngine engine) {
    this.engine = engine;
  }

  static BenchEngine start(Path repo, Path lakeRoot, Path workDirectory) throws IOException {
    List<Path> ddl = ddlFor(repo.resolve("ddl").resolve("nfs"), lakeRoot, workDirectory);
    ClickHouseTestEngine engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
        .user(USER, PASSWORD, PROFILE)
        .user("default", "")
        .startupSql(ddl.toArray(Path[]::new))
        .threads(THREADS)
        .build());
    return new BenchEngine(engine);
  }

  ClickHouseTestEngine engine() {
    return engine;
  }

  String jdbcUrl() {
    return engine.jdbcUrl(DATABASE);
  }

  ModelFiles.ClickHouseAccess access() {
    return new ModelFiles.ClickHouseAccess(jdbcUrl(), USER, PASSWORD);
  }

  List<StatementRecord> statements() {
    return engine.statements();
  }

  /** The position of the newest statement received so far (0 when none). */
  long lastSeq() {
    List<StatementRecord> all = engine.statements();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
  }

  /** Statements received after {@code seq} for queries: without health probes and the driver's handshake. */
  List<StatementRecord> queriesAfter(long seq) {
    return engine.statements().stream().filter(s -> s.seq() > seq).filter(s -> !isHousekeeping(s.sql())).toList();
  }

  static boolean isHousekeeping(String sql) {
    String normalized = sql.strip().toLowerCase(Locale.ROOT);
    return normalized.equals("select 1") || normalized.startsWith("select version()");
  }

  /** The {@code ddl/nfs} files in name order, reading {@code lakeRoot} instead of the bind mount. */
  static List<Path> ddlFor(Path ddlDirectory, Path lakeRoot, Path into) throws IOException {
    requireNonNull(lakeRoot, "lakeRoot");
    Files.createDirectories(into);
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(ddlDirectory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        if (file.getFileName().toString().contains("lake-files") && !sql.contains(DDL_LAKE_PATH)) {
          throw new IllegalStateException(file + " no longer reads the lake under " + DDL_LAKE_PATH
              + "; update BenchEngine");
        }
        Path copy = into.resolve(file.getFileName());
        Files.writeString(copy, sql.replace(DDL_LAKE_PATH, lakeRoot.toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        copies.add(copy);
      }
    }
    if (copies.isEmpty()) {
      throw new IllegalStateException("no .sql files in " + ddlDirectory);
    }
    return copies;
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}
