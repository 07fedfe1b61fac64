package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.guardrails.GuardrailRule;
import io.lakegate.server.ErrorKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.proto.Responses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;

/**
 * The guardrails' adversarial corpus against a running gateway, as its callers reach it: every
 * statement through the thin driver, every connection-property case as Avatica JSON and through
 * the driver, every encoding case as raw bytes in Avatica JSON and Protobuf; and the timeout, stopping a query even
 * when its caller has gone. A well-behaved client queries the same gateway all along and must see
 * no error. One subclass per backend supplies the gateway and, where the backend keeps a statement
 * log, checks what reached it ({@link #assertBackendStatements}, {@link #assertStoppedInBackend}). The
 * connections name themselves ({@link #CORPUS_USER}, {@link #PARALLEL_USER}, {@link #RUNAWAY_USER}), so
 * that the query log tells their queries apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GuardrailCorpusSuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The first {@code fetch=[N]} of a plan: the limit of the root (the plan is printed from the root down). */
  private static final Pattern FETCH = Pattern.compile("fetch=\\[(\\d+)]");
  private static final Pattern XML_FETCH = Pattern.compile("<Property name=\"fetch\">\\s*(\\d+)");
  private static final Pattern DOT_FETCH = Pattern.compile("fetch = (\\d+)");
  private static final Pattern JSON_FETCH = Pattern.compile("\"fetch\"\\s*:\\s*\\{\\s*\"literal\"\\s*:\\s*(\\d+)");
  /**
   * Counts a cartesian product without a limit: runs far longer than any timeout on any backend. (The test
   * lake's quote_outcomes squared: 2.2e8 pairs. partner_metrics x quote_outcomes, 7e6 pairs, took ClickHouse
   * 4.4 s on an idle machine, under the corpus's 5 s timeout.)
   */
  static final String RUNAWAY_QUERY = "select count(*) from quote_outcomes a, quote_outcomes b"
      + " where a.response_ms + b.response_ms < 0";

  /** The {@code user} of the connection the corpus statements run on. */
  static final String CORPUS_USER = "corpus";
  /** The {@code user} of the well-behaved client beside the attacks. */
  static final String PARALLEL_USER = "parallel-client";
  /** The {@code user} of the connections that run {@link #RUNAWAY_QUERY} into their timeout. */
  static final String RUNAWAY_USER = "runaway";

  private final HttpClient http = HttpClient.newHttpClient();
  private ParallelClient parallel;
  private Connection connection;

  /** The gateway's HTTP port. */
  protected abstract int port();

  /** A thin-driver connection (Protobuf) to the gateway with these connection properties. */
  protected abstract Connection connect(Properties properties) throws SQLException;

  /**
   * Checks what the backend itself received for a case: nothing at all for a rejected statement, the
   * statement with a limit for an accepted one. The lake path runs in the gateway and has no log.
   */
  protected void assertBackendStatements(GuardrailCorpus.Case c, boolean rejected) {
  }

  /** Called before a case's statement (or a runaway query) is sent: a backend with a log notes where it stands. */
  protected void beforeStatement() {
  }

  /**
   * Checks that the backend itself stopped the runaway query of {@link #RUNAWAY_USER} sent since
   * {@link #beforeStatement} at its {@code timeoutMs}, and runs none of it any more. The lake path is
   * checked by its scans ({@code awaitNoRunningScan}).
   */
  protected void assertStoppedInBackend(long timeoutMs) throws Exception {
  }

  @BeforeAll
  void startParallelClientAndConnect() throws SQLException {
    parallel = ParallelClient.start(() -> connect(user(PARALLEL_USER)));
    connection = connect(user(CORPUS_USER));
  }

  @AfterAll
  void theParallelClientSawNoError() throws Exception {
    connection.close();
    parallel.close();
    assertEquals(List.of(), parallel.problems(), "a well-behaved client beside the attacks");
    assertTrue(parallel.queries() > 0, "the parallel client ran");
  }

  Stream<GuardrailCorpus.Case> statements() {
    return GuardrailCorpus.statements();
  }

  Stream<GuardrailCorpus.Case> connectionProperties() {
    return GuardrailCorpus.load("connection-properties.tsv").stream();
  }

  Stream<GuardrailCorpus.Case> encodings() {
    return GuardrailCorpus.load("encoding.tsv").stream();
  }

  @Test
  void theCorpusHasAtLeast150Cases() {
    long cases = statements().count() + connectionProperties().count() + encodings().count();
    assertTrue(cases >= 150, "corpus size " + cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void statement(GuardrailCorpus.Case c) throws SQLException {
    String sql = c.text();
    beforeStatement();
    if (!c.accepted()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(sql), c + " must be rejected");
      assertRejection(c, e.getSQLState(), e.getErrorCode(), e.getMessage());
      assertBackendStatements(c, true);
      return;
    }
    long limit = c.limit().orElseThrow(() -> new AssertionError(c + " states no limit"));
    if (isExplain(sql)) {
      String plan = String.join("\n", rows(sql));
      assertFalse(plan.isBlank(), c + " explains");
      OptionalLong fetch = rootFetch(plan);
      // EXCLUDING ATTRIBUTES prints no fetch at all; every other form shows the root's limit.
      if (fetch.isPresent() || !sql.toLowerCase(Locale.ROOT).contains("excluding attributes")) {
        assertEquals(OptionalLong.of(limit), fetch, c + " plan:\n" + plan);
      }
      return;
    }
    List<String> rows = rows(sql);
    assertTrue(rows.size() <= limit, c + ": " + rows.size() + " rows under a limit of " + limit);
    c.rows().ifPresent(expected -> assertEquals(expected, rows.size(), c + " rows"));
    String plan = String.join("\n", rows("explain plan for " + sql));
    OptionalLong fetch = rootFetch(plan);
    if (fetch.isPresent() || c.rows().isEmpty() || c.rows().getAsLong() > limit) {
      assertEquals(OptionalLong.of(limit), fetch, c + " plan:\n" + plan);
    }
    // else Calcite proved the result smaller than its limit and dropped the limit from the plan.
    assertBackendStatements(c, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectionProperties")
  void connectionPropertiesOverAvaticaJson(GuardrailCorpus.Case c) throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> opened = post(Map.of("request", "openConnection", "connectionId", id,
        "info", GuardrailCorpus.properties(c)));
    JsonNode body = JSON.readTree(opened.body());
    if (!c.accepted()) {
      assertEquals(500, opened.statusCode(), c + ": " + opened.body());
      assertRejection(c, body.path("sqlState").asText(), body.path("errorCode").asInt(),
          body.path("errorMessage").asText());
      HttpResponse<String> unusable = post(Map.of("request", "createStatement", "connectionId", id));
      assertEquals("08003", JSON.readTree(unusable.body()).path("sqlState").asText(), "no connection was opened");
      return;
    }
    assertEquals(200, opened.statusCode(), c + ": " + opened.body());
    int statement = JSON.readTree(post(Map.of("request", "createStatement", "connectionId", id)).body())
        .path("statementId").asInt();
    JsonNode metadata = JSON.readTree(post(Map.of("request", "prepareAndExecute", "connectionId", id,
        "statementId", statement, "sql", "select * from \"metadata\".\"TABLES\"", "maxRowCount", -1)).body());
    assertEquals(GuardrailRule.ALLOWLIST.sqlState(), metadata.path("sqlState").asText(), "the guardrails still hold");
    post(Map.of("request", "closeConnection", "connectionId", id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectionProperties")
  void connectionPropertiesThroughTheThinDriver(GuardrailCorpus.Case c) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(GuardrailCorpus.properties(c));
    // The driver keeps Avatica's own properties (schema, timeZone, ...) to itself and sends the rest.
    boolean sent = properties.stringPropertyNames().stream().anyMatch(n -> !BuiltInConnectionProperty.isLocalProperty(n));
    if (!c.accepted() && sent) {
      Exception e = assertThrows(Exception.class, () -> connect(properties).close(), c.toString());
      assertTrue(String.valueOf(e.getMessage()).contains("guardrail " + c.rejectedBy() + ":"), e.toString());
      return;
    }
    try (Connection c2 = connect(properties); Statement statement = c2.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> statement.executeQuery("select * from \"metadata\".\"TABLES\""));
      assertEquals(GuardrailRule.ALLOWLIST.sqlState(), e.getSQLState(), "the guardrails still hold for " + c);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void encodingOverAvaticaJson(GuardrailCorpus.Case c) throws Exception {
    String id = UUID.randomUUID().toString();
    post(Map.of("request", "openConnection", "connectionId", id));
    int statement = JSON.readTree(post(Map.of("request", "createStatement", "connectionId", id)).body())
        .path("statementId").asInt();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("{\"request\":\"prepareAndExecute\",\"connectionId\":\"" + id + "\",\"statementId\":"
        + statement + ",\"maxRowCount\":-1,\"sql\":\"").getBytes(StandardCharsets.UTF_8));
    request.writeBytes(jsonStringBytes(c.input()));
    request.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (c.accepted()) {
      assertEquals(200, response.statusCode(), response.body());
      assertEquals(c.rows().orElseThrow(), body.path("results").path(0).path("firstFrame").path("rows").size());
    } else {
      assertEquals(500, response.statusCode(), response.body());
      assertRejection(c, body.path("sqlState").asText(), body.path("errorCode").asInt(),
          body.path("errorMessage").asText());
    }
    post(Map.of("request", "closeConnection", "connectionId", id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void encodingOverAvaticaProtobuf(GuardrailCorpus.Case c) throws Exception {
    String id = UUID.randomUUID().toString();
    post(Map.of("request", "openConnection", "connectionId", id));
    int statement = JSON.readTree(post(Map.of("request", "createStatement", "connectionId", id)).body())
        .path("statementId").asInt();
    // The generated builder refuses a string that is not UTF-8, so the sql field is appended as raw bytes
    // under its field number (a serialized message may carry its fields in any order).
    ByteString request = Requests.PrepareAndExecuteRequest.newBuilder().setConnectionId(id)
        .setStatementId(statement).setMaxRowCount(-1).setMaxRowsTotal(-1).setFirstFrameMaxSize(100).build()
        .toByteString();
    ByteString.Output sql = ByteString.newOutput();
    CodedOutputStream out = CodedOutputStream.newInstance(sql);
    out.writeByteArray(Requests.PrepareAndExecuteRequest.getDescriptor().findFieldByName("sql").getNumber(), c.input());
    out.flush();
    byte[] wire = Common.WireMessage.newBuilder().setName(Requests.PrepareAndExecuteRequest.class.getName())
        .setWrappedMessage(request.concat(sql.toByteString())).build().toByteArray();
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/"))
        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(wire))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    Common.WireMessage answer = Common.WireMessage.parseFrom(response.body());
    if (c.accepted()) {
      assertEquals(200, response.statusCode(), answer.getName());
      assertEquals(c.rows().orElseThrow(), Responses.ExecuteResponse.parseFrom(answer.getWrappedMessage())
          .getResults(0).getFirstFrame().getRowsCount());
    } else {
      assertEquals(500, response.statusCode());
      Responses.ErrorResponse error = Responses.ErrorResponse.parseFrom(answer.getWrappedMessage());
      assertRejection(c, error.getSqlState(), error.getErrorCode(), error.getErrorMessage());
    }
    post(Map.of("request", "closeConnection", "connectionId", id));
  }

  @Test
  void aShorterConnectionTimeoutStopsARunawayQueryAndFreesItsScan() throws Exception {
    long timeoutsBefore = rejections("TIMEOUT");
    Properties properties = user(RUNAWAY_USER);
    properties.setProperty("lakegate.timeout_ms", "1000");
    beforeStatement();
    try (Connection c = connect(properties); Statement statement = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = statement.executeQuery(RUNAWAY_QUERY)) {
          rs.next();
        }
      });
      assertEquals(GuardrailRule.TIMEOUT.sqlState(), e.getSQLState());
      assertTrue(e.getMessage().contains("guardrail TIMEOUT: the query ran longer than its 1000 ms timeout"),
          e.getMessage());
      // The connection and the statement are usable afterwards.
      try (ResultSet rs = statement.executeQuery("select count(*) from commission_history")) {
        assertTrue(rs.next());
      }
    }
    assertEquals(timeoutsBefore + 1, rejections("TIMEOUT"));
    awaitNoRunningScan();
    assertStoppedInBackend(1000);
  }

  @Test
  void aQueryWhoseCallerHasGoneIsStoppedAtItsTimeout() throws Exception {
    long timeoutsBefore = rejections("TIMEOUT");
    String id = UUID.randomUUID().toString();
    beforeStatement();
    post(Map.of("request", "openConnection", "connectionId", id, "info",
        Map.of("lakegate.timeout_ms", "1500", "user", RUNAWAY_USER)));
    int statement = JSON.readTree(post(Map.of("request", "createStatement", "connectionId", id)).body())
        .path("statementId").asInt();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/"))
        .timeout(Duration.ofMillis(300)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("request", "prepareAndExecute",
            "connectionId", id, "statementId", statement, "sql", RUNAWAY_QUERY, "maxRowCount", -1))))
        .build();
    assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
        "the caller gives up long before the query would end");
    // Nobody waits for the answer any more; the gateway stops the scan at the deadline all the same.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (rejections("TIMEOUT") == timeoutsBefore) {
      assertTrue(System.nanoTime() < deadline, "the abandoned query was never stopped");
      TimeUnit.MILLISECONDS.sleep(100);
    }
    awaitNoRunningScan();
    assertStoppedInBackend(1500);
    post(Map.of("request", "closeConnection", "connectionId", id));
  }

  @Test
  void switchingTheConnectionsSchemaReachesNoOtherTable() throws SQLException {
    // Connection.setSchema travels as Avatica's connectionSync, which JdbcMeta applies to the Calcite connection.
    try (Connection c = connect(new Properties()); Statement statement = c.createStatement()) {
      c.setSchema("metadata");
      SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("select * from \"TABLES\""));
      assertEquals(GuardrailRule.ALLOWLIST.sqlState(), e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("table 'TABLES' is not in the allowlist"), e.getMessage());
    }
  }

  @Test
  void everyRuleRejectionIsCountedInTheMetrics() throws Exception {
    long before = rejections("READ_ONLY");
    assertThrows(SQLException.class, () -> rows("delete from partner_metrics"));
    assertEquals(before + 1, rejections("READ_ONLY"));
    JsonNode guardrails = metrics().path("guardrails");
    for (GuardrailRule rule : GuardrailRule.values()) {
      assertTrue(guardrails.path("rejected").has(rule.name()), rule + " in " + guardrails);
    }
    assertTrue(guardrails.path("rowLimit").path("added").asLong() > 0, guardrails.toString());
  }

  /** The SQLSTATE, vendor code and message of a rejection: the rule's, naming it, without internals. */
  private static void assertRejection(GuardrailCorpus.Case c, String sqlState, int code, String message) {
    String rule = c.rejectedBy();
    switch (rule) {
      case "SYNTAX" -> {
        assertEquals(ErrorKind.SYNTAX.sqlState(), sqlState, c + ": " + message);
        assertEquals(ErrorKind.SYNTAX.code(), code, c + ": " + message);
      }
      case "VALIDATION" -> {
        assertEquals(ErrorKind.VALIDATION.sqlState(), sqlState, c + ": " + message);
        assertEquals(ErrorKind.VALIDATION.code(), code, c + ": " + message);
      }
      default -> {
        GuardrailRule expected = GuardrailRule.valueOf(rule);
        assertEquals(expected.sqlState(), sqlState, c + ": " + message);
        assertEquals(expected.code(), code, c + ": " + message);
        assertTrue(message.contains("guardrail " + rule + ": "), c + ": " + message);
      }
    }
    assertFalse(message.contains("\tat ") || message.contains("org.apache.calcite") || message.contains("Exception"),
        c + " leaks internals: " + message);
  }

  private List<String> rows(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(String.valueOf(rs.getObject(1)));
      }
      return rows;
    }
  }

  private static Properties user(String name) {
    Properties properties = new Properties();
    properties.setProperty("user", name);
    return properties;
  }

  private static boolean isExplain(String sql) {
    return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("explain");
  }

  /**
   * The limit of a plan's root: the first fetch of a text, XML or DOT plan (printed from the root
   * down), the last of a JSON one (its relational expressions are listed from the leaves up).
   */
  private static OptionalLong rootFetch(String plan) {
    for (Pattern rootFirst : List.of(FETCH, XML_FETCH, DOT_FETCH)) {
      Matcher m = rootFirst.matcher(plan);
      if (m.find()) {
        return OptionalLong.of(Long.parseLong(m.group(1)));
      }
    }
    Matcher json = JSON_FETCH.matcher(plan);
    OptionalLong last = OptionalLong.empty();
    while (json.find()) {
      last = OptionalLong.of(Long.parseLong(json.group(1)));
    }
    return last;
  }

  private void awaitNoRunningScan() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (metrics().path("lake").path("openReaders").asLong() != 0) {
      assertTrue(System.nanoTime() < deadline, "a lake reader stayed open: " + metrics());
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private long rejections(String rule) throws IOException, InterruptedException {
    return metrics().path("guardrails").path("rejected").path(rule).asLong();
  }

  private JsonNode metrics() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(Map<String, ?> request) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The bytes inside a JSON string: quote, backslash and control bytes escaped, every other byte as it is. */
  private static byte[] jsonStringBytes(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : raw) {
      if (b == '"' || b == '\\') {
        out.write('\\');
        out.write(b);
      } else if (b >= 0 && b < 0x20) {
        out.writeBytes(String.format(Locale.ROOT, "\\u%04x", b).getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
