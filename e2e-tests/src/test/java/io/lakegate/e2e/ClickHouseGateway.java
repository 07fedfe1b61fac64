package io.lakegate.e2e;

import static java.util.Objects.requireNonNull;

import io.lakegate.server.GatewayServer;
import io.lakegate.server.ServerConfig;
import io.lakegate.testing.clickhouse.ClickHouseEndpoint;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;
import io.lakegate.testing.clickhouse.StatementRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A gateway routed to ClickHouse, over the same generated lake as a {@link LakegateFixture}: the
 * project's model.json with its {@code clickhouse} section pointed at an endpoint that serves the
 * project's own {@code ddl/nfs} over that lake, as the read-only user of {@code ddl/users}. The
 * endpoint is the ClickHouse test engine here; a Testcontainers server where Docker exists.
 */
final class ClickHouseGateway implements AutoCloseable {
  static final String USER = "lakegate_ro";
  static final String PASSWORD = "e2e-ro-secret";
  /** Where {@code ddl/nfs} expects the lake: the bind mount of a real server. */
  static final String DDL_LAKE_PATH = "/var/lib/clickhouse/user_files/lake/";
  /** The session settings of {@code ddl/users/lakegate.xml}'s profile (the test engine has no profiles). */
  static final Map<String, String> PROFILE = Map.of("readonly", "2", "max_execution_time", "5",
      "max_result_rows", "1000000", "result_overflow_mode", "throw");

  private final Path dir;
  private final ClickHouseEndpoint endpoint;
  private final GatewayServer server;
  private final ThinDriver driver;

  private ClickHouseGateway(Path dir, ClickHouseEndpoint endpoint, GatewayServer server, ThinDriver driver) {
    this.dir = dir;
    this.endpoint = endpoint;
    this.server = server;
    this.driver = driver;
  }

  /** The ClickHouse test engine over {@code lake}'s files, and a gateway routed to it. */
  static ClickHouseGateway onTestEngine(LakegateFixture lake, Timing timing) throws IOException {
    Path dir = Files.createTempDirectory("lakegate-e2e-clickhouse");
    ClickHouseTestEngine engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
        .user(USER, PASSWORD, PROFILE)
        .user("default", "")
        .startupSql(ddlFor(lake.lakeDir(), dir).toArray(Path[]::new))
        .threads(2)
        .build());
    try {
      return start(dir, lake, engine, timing);
    } catch (IOException | RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** A gateway over {@code lake} routed to an endpoint that already serves {@code ddl/nfs} over its files. */
  static ClickHouseGateway on(LakegateFixture lake, ClickHouseEndpoint endpoint, Timing timing) throws IOException {
    return start(Files.createTempDirectory("lakegate-e2e-clickhouse"), lake, endpoint, timing);
  }

  private static ClickHouseGateway start(Path dir, LakegateFixture lake, ClickHouseEndpoint endpoint, Timing timing)
      throws IOException {
    Path model = model(dir, lake.lakeDir(), endpoint, timing);
    GatewayServer server = new GatewayServer(new ServerConfig(model, "127.0.0.1", 0, false, false)).start();
    return new ClickHouseGateway(dir, endpoint, server, ThinDriver.load());
  }

  /** How fast the gateway notices an outage and a recovery ({@code model.json}'s {@code failover} section). */
  record Timing(int probeIntervalMs, int healthCheckIntervalMs, int probeTimeoutMs) {
    /** model.json's own values. */
    static final Timing PROJECT = new Timing(500, 500, 800);
  }

  ClickHouseEndpoint endpoint() {
    return endpoint;
  }

  /** The test engine, for suites that kill, pause or restart it. */
  ClickHouseTestEngine engine() {
    if (endpoint instanceof ClickHouseTestEngine engine) {
      return engine;
    }
    throw new IllegalStateException("this gateway's ClickHouse is " + endpoint.getClass().getSimpleName()
        + ", not the test engine");
  }

  GatewayServer server() {
    return server;
  }

  int port() {
    return server.port();
  }

  /** A thin-driver connection; {@code protobuf} is the driver's default. */
  Connection connect() throws SQLException {
    return driver.connect(port(), "protobuf");
  }

  Connection connect(String serialization) throws SQLException {
    return driver.connect(port(), serialization);
  }

  /** A thin-driver connection (Protobuf) with these connection properties. */
  Connection connect(Properties properties) throws SQLException {
    Connection connection = driver.driver().connect("jdbc:lakegate:url=http://127.0.0.1:" + port(), properties);
    if (connection == null) {
      throw new SQLException("the thin driver did not accept the gateway's URL");
    }
    return connection;
  }

  /** The position of the newest statement ClickHouse received so far (0 when none). */
  long lastStatement() {
    List<StatementRecord> all = endpoint.statements();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
  }

  /**
   * The statements ClickHouse received after position {@code seq} on behalf of queries: without the
   * gateway's health probes ({@code SELECT 1}) and the driver's handshake ({@code SELECT version()}).
   */
  List<StatementRecord> queriesAfter(long seq) {
    return endpoint.statements().stream()
        .filter(s -> s.seq() > seq)
        .filter(s -> !isHousekeeping(s.sql()))
        .toList();
  }

  static boolean isHousekeeping(String sql) {
    String normalized = sql.strip().toLowerCase(Locale.ROOT);
    return normalized.equals("select 1") || normalized.startsWith("select version()");
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      try {
        endpoint.close();
      } finally {
        TempDirectories.delete(dir);
      }
    }
  }

  /** model.json with the lake root, the endpoint's URL and (first) user, and the probe timing. */
  private static Path model(Path dir, Path lakeDir, ClickHouseEndpoint endpoint, Timing timing) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode model = (ObjectNode) mapper.readTree(
        Path.of(System.getProperty("lakegate.model", "../model.json")).toFile());
    ObjectNode operand = (ObjectNode) model.path("schemas").path(0).path("operand");
    ((ObjectNode) operand.path("lake")).put("root", lakeDir.toAbsolutePath().toString());
    ObjectNode clickhouse = (ObjectNode) operand.path("clickhouse");
    clickhouse.put("url", endpoint.jdbcUrl("analytics"));
    clickhouse.put("user", endpoint.user().name());
    clickhouse.put("password", endpoint.user().password());
    ObjectNode failover = (ObjectNode) operand.path("failover");
    failover.put("probeIntervalMs", timing.probeIntervalMs());
    failover.put("healthCheckIntervalMs", timing.healthCheckIntervalMs());
    failover.put("probeTimeoutMs", timing.probeTimeoutMs());
    Path file = dir.resolve("model.json");
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), model);
    return file;
  }

  /** The project's {@code ddl/nfs} files, in name order, reading {@code lakeDir} instead of the bind mount. */
  static List<Path> ddlFor(Path lakeDir, Path into) throws IOException {
    Path ddl = Path.of(System.getProperty("lakegate.ddl", "../ddl")).resolve("nfs");
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(ddl)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        if (!sql.contains(DDL_LAKE_PATH) && file.getFileName().toString().contains("lake-files")) {
          throw new IllegalStateException(file + " no longer reads the lake under " + DDL_LAKE_PATH);
        }
        Path copy = into.resolve(file.getFileName());
        Files.writeString(copy, sql.replace(DDL_LAKE_PATH, lakeDir.toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        copies.add(copy);
      }
    }
    return copies;
  }
}
