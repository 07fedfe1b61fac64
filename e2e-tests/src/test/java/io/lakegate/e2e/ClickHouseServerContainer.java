package io.lakegate.e2e;

import static java.util.Objects.requireNonNull;

import io.lakegate.testing.clickhouse.ClickHouseEndpoint;
import io.lakegate.testing.clickhouse.EngineUser;
import io.lakegate.testing.clickhouse.StatementRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A real {@code clickhouse/clickhouse-server:24.8} for the behaviour suites on hosts with Docker, set
 * up exactly as {@code docker-compose.yml} sets it up: the lake bind-mounted read-only where
 * {@code ddl/nfs} reads it, {@code ddl/users/lakegate.xml} as a {@code users.d} file, and the
 * {@code ddl/nfs/*.sql} files run by the image's own {@code /docker-entrypoint-initdb.d} at start.
 * Where no Docker engine exists, {@link #start} aborts the calling test (JUnit reports it skipped,
 * with {@link #NO_DOCKER} as the reason); annotate suites with {@link RequiresDocker} to skip them
 * before any fixture is built.
 *
 * <p>Differences from the test engine that suites may meet: {@link #statements()} comes from
 * {@code system.query_log}, so it lists only statements that reached a query (not failed logins),
 * only those over HTTP, and none of the {@code default} user (the fixture's own); it does not know the
 * output format, the compression or the HTTP status of an error (see {@link #statements()}).
 */
final class ClickHouseServerContainer implements ClickHouseEndpoint {
  static final String IMAGE = "clickhouse/clickhouse-server:24.8";
  /** Why the suites on this container are skipped where Docker is missing; a constant for {@link EnabledIf}. */
  static final String NO_DOCKER =
      "no Docker engine on this host: the clickhouse-server:24.8 suites run only where Docker exists";
  /** Where {@code ddl/nfs/02-lake-files.sql} reads the lake: under the server's {@code user_files_path}. */
  static final String LAKE_MOUNT = "/var/lib/clickhouse/user_files/lake";
  static final String READ_ONLY_USER = "lakegate_ro";
  private static final String ADMIN_USER = "default";
  private static final int HTTP_PORT = 8123;
  private static final String INITDB = "/docker-entrypoint-initdb.d/";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** The last object ddl/nfs creates: when it exists, the init scripts ran to the end. */
  private static final String DDL_DONE = "EXISTS TABLE analytics.commission_history";
  /**
   * The statements of other users over HTTP that finished or failed, oldest first. Failed ones appear
   * once (ExceptionBeforeStart or ExceptionWhileProcessing); QueryStart rows are the same queries again.
   */
  private static final String STATEMENTS = """
      SELECT query_id, user, current_database, query, toString(type) AS type, exception_code, exception,
             toUnixTimestamp64Micro(query_start_time_microseconds) AS start_us, query_duration_ms,
             result_rows, result_bytes, read_rows, read_bytes, written_rows, Settings AS settings
      FROM system.query_log
      WHERE type != 'QueryStart' AND is_initial_query AND interface = 2 AND user != 'default'
      ORDER BY event_time_microseconds, query_id
      FORMAT JSONEachRow""";

  /** Whether this host has a Docker engine Testcontainers can use; asked once a run. */
  private static volatile Boolean dockerAvailable;

  private final GenericContainer<?> container;
  private final String adminPassword;
  private final EngineUser user;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper mapper = new ObjectMapper();

  private ClickHouseServerContainer(GenericContainer<?> container, String adminPassword, EngineUser user) {
    this.container = container;
    this.adminPassword = adminPassword;
    this.user = user;
  }

  /**
   * Skips a suite class, and its subclasses, before anything starts when this host has no Docker
   * engine; JUnit reports it skipped with {@link #NO_DOCKER} as the reason.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @EnabledIf(value = "io.lakegate.e2e.ClickHouseServerContainer#dockerAvailable", disabledReason = NO_DOCKER)
  @interface RequiresDocker {
  }

  /** Whether a Docker engine is reachable; Testcontainers tries every way it knows (and logs why not). */
  static boolean dockerAvailable() {
    Boolean known = dockerAvailable;
    if (known == null) {
      known = DockerClientFactory.instance().isDockerAvailable();
      dockerAvailable = known;
    }
    return known;
  }

  /**
   * Starts the server over {@code lakeDir} with {@link ClickHouseGateway#PASSWORD} for the read-only
   * user, the password {@link ClickHouseGateway#on} puts in the gateway's model.
   */
  static ClickHouseServerContainer start(Path lakeDir) {
    return start(lakeDir, ClickHouseGateway.PASSWORD);
  }

  /**
   * Starts the server over {@code lakeDir} (read-only), {@code readOnlyPassword} for {@code lakegate_ro},
   * and waits until it answers over HTTP with ddl/nfs applied. Aborts the calling test where Docker is missing.
   *
   * @throws IllegalStateException when the container starts but the ddl did not run to the end
   */
  static ClickHouseServerContainer start(Path lakeDir, String readOnlyPassword) {
    requireNonNull(lakeDir, "lakeDir");
    requireNonNull(readOnlyPassword, "readOnlyPassword");
    if (!dockerAvailable()) {
      Assumptions.abort(NO_DOCKER);
    }
    if (!Files.isDirectory(lakeDir)) {
      throw new IllegalArgumentException("lake directory " + lakeDir + " does not exist");
    }
    Path ddl = Path.of(System.getProperty("lakegate.ddl", "../ddl")).toAbsolutePath().normalize();
    String adminPassword = randomPassword();
    GenericContainer<?> container = newContainer(lakeDir.toAbsolutePath().normalize(), ddl, adminPassword,
        readOnlyPassword);
    container.start();
    ClickHouseServerContainer server = new ClickHouseServerContainer(container, adminPassword,
        new EngineUser(READ_ONLY_USER, readOnlyPassword, Map.of()));
    try {
      server.checkDdlApplied();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  // Binds are deprecated in Testcontainers only because a remote Docker engine cannot see the host's
  // files; the lake is bind-mounted read-only anyway, as in production, so ClickHouse cannot write it.
  @SuppressWarnings("deprecation")
  private static GenericContainer<?> newContainer(Path lakeDir, Path ddl, String adminPassword,
      String readOnlyPassword) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
        // The image's entrypoint gives the admin user `default` this password and runs the init scripts with it.
        .withEnv("CLICKHOUSE_PASSWORD", adminPassword)
        // ddl/users/lakegate.xml reads lakegate_ro's password from the server's environment.
        .withEnv("LAKEGATE_CLICKHOUSE_PASSWORD", readOnlyPassword)
        // The entrypoint would otherwise chown -R user_files, which holds the read-only lake, and stop on EROFS.
        .withEnv("CLICKHOUSE_DO_NOT_CHOWN", "1")
        // Run the init scripts even when the image's data directory already looks initialised.
        .withEnv("CLICKHOUSE_ALWAYS_RUN_INITDB_SCRIPTS", "1")
        .withFileSystemBind(lakeDir.toString(), LAKE_MOUNT, BindMode.READ_ONLY)
        .withCopyFileToContainer(MountableFile.forHostPath(ddl.resolve("users/lakegate.xml"), 0644),
            "/etc/clickhouse-server/users.d/lakegate.xml")
        .withExposedPorts(HTTP_PORT)
        // The init scripts run on a server listening on 127.0.0.1 only; the mapped port answers once the
        // real server is up, after them.
        .waitingFor(Wait.forHttp("/ping").forPort(HTTP_PORT).forStatusCode(200).withStartupTimeout(START_TIMEOUT));
    for (Path sql : ddlFiles(ddl.resolve("nfs"))) {
      container.withCopyFileToContainer(MountableFile.forHostPath(sql, 0644), INITDB + sql.getFileName());
    }
    return container;
  }

  /** The project's {@code ddl/nfs/*.sql}, in name order (the entrypoint runs them in that order too). */
  private static List<Path> ddlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sql = files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
      if (sql.isEmpty()) {
        throw new IllegalStateException("no .sql files in " + dir + "; set -Dlakegate.ddl to the project's ddl directory");
      }
      return sql;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Fails with the end of the server's log when the init scripts did not create everything. */
  private void checkDdlApplied() {
    String answer = adminQuery(DDL_DONE).strip();
    if (!answer.equals("1")) {
      String logs = container.getLogs();
      throw new IllegalStateException("ClickHouse started but ddl/nfs was not applied (" + DDL_DONE + " = " + answer
          + "); end of the container's log:\n" + logs.substring(Math.max(0, logs.length() - 4000)));
    }
  }

  @Override
  public String httpUrl() {
    return "http://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT);
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:clickhouse://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT) + "/"
        + requireNonNull(database, "database");
  }

  /** {@code lakegate_ro}; its profile's settings are the server's (ddl/users/lakegate.xml), not listed here. */
  @Override
  public EngineUser user() {
    return user;
  }

  /**
   * The statements other users sent over HTTP that finished or failed, from {@code system.query_log}
   * after {@code SYSTEM FLUSH LOGS}, oldest first. {@code seq} is the position in that list, stable as
   * the log grows. The log does not record the output format ({@code null}), the compression
   * ({@code false}), the query parameters (empty) nor an error's HTTP status (0; 200 when ok).
   */
  @Override
  public List<StatementRecord> statements() {
    adminQuery("SYSTEM FLUSH LOGS");
    List<StatementRecord> records = new ArrayList<>();
    for (String line : adminQuery(STATEMENTS).split("\n")) {
      if (!line.isBlank()) {
        records.add(toRecord(records.size() + 1L, readJson(line)));
      }
    }
    return records;
  }

  private static StatementRecord toRecord(long seq, JsonNode row) {
    boolean ok = "QueryFinish".equals(row.path("type").asText());
    Map<String, String> settings = new LinkedHashMap<>();
    row.path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
    String database = row.path("current_database").asText();
    Instant start = Instant.EPOCH.plus(row.path("start_us").asLong(), ChronoUnit.MICROS);
    return new StatementRecord(seq, start.toString(), row.path("query_id").asText(), row.path("user").asText(),
        database.isEmpty() ? null : database, null, false, settings, Map.of(), row.path("query").asText(),
        ok ? StatementRecord.OK : StatementRecord.ERROR, row.path("exception_code").asInt(),
        ok ? null : row.path("exception").asText(), ok ? 200 : 0, row.path("result_rows").asLong(),
        row.path("result_bytes").asLong(), row.path("read_rows").asLong(), row.path("read_bytes").asLong(),
        row.path("written_rows").asLong(), row.path("query_duration_ms").asLong());
  }

  private JsonNode readJson(String line) {
    try {
      return mapper.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("system.query_log returned a line that is not JSON: " + line, e);
    }
  }

  /** One statement as the admin user over HTTP; its answer's body. These stay out of {@link #statements()}. */
  private String adminQuery(String sql) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl() + "/"))
        .timeout(REQUEST_TIMEOUT)
        .header("X-ClickHouse-User", ADMIN_USER)
        .header("X-ClickHouse-Key", adminPassword)
        .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("ClickHouse container at " + httpUrl() + " did not answer: " + sql, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking ClickHouse: " + sql, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("ClickHouse container answered HTTP " + response.statusCode() + " to "
          + sql + ": " + response.body().strip());
    }
    return response.body();
  }

  /** Stops and removes the container (and with it everything the server wrote). */
  @Override
  public void close() {
    container.stop();
  }
}
