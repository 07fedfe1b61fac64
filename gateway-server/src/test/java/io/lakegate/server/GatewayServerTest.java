package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.lake.LakeStatistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The gateway over HTTP as curl, agents and the Avatica thin driver reach it, against a small real lake. */
class GatewayServerTest {
  private static final Pattern QUERY_LINE = Pattern.compile(
      "query id=[0-9a-f-]{36} user=(\\S+) backend=lake rows=(\\d+) ms=\\d+ files=(\\d+) rowGroups=(\\d+/\\d+)"
          + " outcome=(ok|error)(?: [a-z_]+=\\w+)*(?: error=\"([^\"]*)\")? sql=\"(.*)\"");
  private static TestingGateway gateway;
  private static long partnerMetricsRows;

  @BeforeAll
  static void start() {
    partnerMetricsRows = TestLake.lake().partnerMetrics().count();
    gateway = new TestingGateway();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void jsonRoundTripAsCurlWouldSendIt() throws Exception {
    String connection = "json-round-trip";
    try (QueryLogCapture log = new QueryLogCapture()) {
      assertEquals(200, gateway.json(Map.of("request", "openConnection", "connectionId", connection,
          "info", Map.of("user", "ann"))).status());
      int statement = gateway.json(Map.of("request", "createStatement", "connectionId", connection))
          .body().path("statementId").asInt();
      // maxRowsInFirstFrame 1: the first frame carries the one row but cannot know it was the last,
      // so the client fetches once more; the query is logged only then.
      TestingGateway.Reply executed = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", "select count(*) as n from partner_metrics", "maxRowCount", -1,
          "maxRowsInFirstFrame", 1));
      assertEquals(200, executed.status(), executed.raw());
      JsonNode result = executed.body().path("results").path(0);
      assertEquals("n", result.path("signature").path("columns").path(0).path("label").asText(), "lex keeps case");
      assertEquals(partnerMetricsRows, result.path("firstFrame").path("rows").path(0).path(0).asLong());
      assertFalse(result.path("firstFrame").path("done").asBoolean());
      assertEquals(List.of(), log.lines(), "not logged before the result is complete");

      TestingGateway.Reply fetched = gateway.json(Map.of("request", "fetch", "connectionId", connection,
          "statementId", statement, "offset", 1, "fetchMaxRowCount", 100));
      assertEquals(200, fetched.status(), fetched.raw());
      assertTrue(fetched.body().path("frame").path("done").asBoolean());
      assertEquals(0, fetched.body().path("frame").path("rows").size());
      assertEquals(200, gateway.json(Map.of("request", "closeStatement", "connectionId", connection,
          "statementId", statement)).status());
      assertEquals(200, gateway.json(Map.of("request", "closeConnection", "connectionId", connection)).status());

      List<String> lines = log.lines();
      assertEquals(1, lines.size(), lines.toString());
      Matcher line = QUERY_LINE.matcher(lines.get(0));
      assertTrue(line.matches(), lines.get(0));
      assertEquals("ann", line.group(1));
      assertEquals("1", line.group(2));
      assertEquals("0", line.group(3), "the count comes from footers: no file opened");
      assertEquals("0/0", line.group(4));
      assertEquals("ok", line.group(5));
      assertEquals("select count(*) as n from partner_metrics", line.group(7));
    }
  }

  @Test
  void aResultFetchedInManyFramesIsLoggedOnceWithEveryRowSent() throws Exception {
    String connection = "many-frames";
    try (QueryLogCapture log = new QueryLogCapture()) {
      gateway.json(Map.of("request", "openConnection", "connectionId", connection));
      int statement = gateway.json(Map.of("request", "createStatement", "connectionId", connection))
          .body().path("statementId").asInt();
      JsonNode frame = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", "select partner_id,\n  network from partner_metrics limit 10000", "maxRowCount", -1,
          "maxRowsInFirstFrame", 1000)).body().path("results").path(0).path("firstFrame");
      long sent = frame.path("rows").size();
      int frames = 1;
      while (!frame.path("done").asBoolean()) {
        assertEquals(List.of(), log.lines(), "logged before the last frame was fetched");
        frame = gateway.json(Map.of("request", "fetch", "connectionId", connection, "statementId", statement,
            "offset", sent, "fetchMaxRowCount", 1000)).body().path("frame");
        sent += frame.path("rows").size();
        frames++;
      }
      assertEquals(partnerMetricsRows, sent);
      assertTrue(frames > 2, "expected several frames, got " + frames);
      List<String> lines = log.lines();
      assertEquals(1, lines.size(), lines.toString());
      Matcher line = QUERY_LINE.matcher(lines.get(0));
      assertTrue(line.matches(), lines.get(0));
      assertEquals("anonymous", line.group(1));
      assertEquals(Long.toString(partnerMetricsRows), line.group(2));
      // The lake IO of every frame's request is summed: each file and row group of the table, read once.
      LakeStatistics.TableStatistics table = gateway.server().lakeSchema().statistics().table("partner_metrics");
      assertEquals(Long.toString(table.files()), line.group(3));
      assertEquals(table.rowGroups() + "/" + table.rowGroups(), line.group(4));
      assertEquals("select partner_id, network from partner_metrics limit 10000", line.group(7), "newlines collapsed");
      gateway.json(Map.of("request", "closeConnection", "connectionId", connection));
    }
  }

  @Test
  void errorsReachCurlWithSqlStateAndOneLineButNoStackFrames() throws Exception {
    String connection = "errors";
    gateway.json(Map.of("request", "openConnection", "connectionId", connection));
    int statement = gateway.json(Map.of("request", "createStatement", "connectionId", connection))
        .body().path("statementId").asInt();
    try (QueryLogCapture log = new QueryLogCapture()) {
      TestingGateway.Reply unknown = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", "select * from nope", "maxRowCount", -1));
      assertEquals(500, unknown.status());
      assertNoServerInternals(unknown.raw());
      assertEquals("error", unknown.body().path("response").asText());
      assertEquals("42501", unknown.body().path("sqlState").asText());
      assertEquals(0, unknown.body().path("exceptions").size());
      assertEquals("guardrail ALLOWLIST: table 'nope' is not in the allowlist: partner_metrics, quote_outcomes,"
          + " commission_history; query only these tables of schema 'analytics'",
          unknown.body().path("errorMessage").asText());

      TestingGateway.Reply parse = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", "select * frm partner_metrics", "maxRowCount", -1));
      assertEquals("42000", parse.body().path("sqlState").asText());
      assertTrue(parse.body().path("errorMessage").asText().startsWith("SQL parse error: "), parse.raw());
      assertNoServerInternals(parse.raw());

      List<String> lines = log.lines();
      assertEquals(2, lines.size(), lines.toString());
      Matcher line = QUERY_LINE.matcher(lines.get(0));
      assertTrue(line.matches(), lines.get(0));
      assertEquals("error", line.group(5));
      assertTrue(line.group(6).startsWith("42501 guardrail ALLOWLIST: table 'nope'"), line.group(6));
    }

    TestingGateway.Reply malformed = gateway.json("{\"request\": \"prepareAndExecute\", \"sql\": ");
    assertEquals(500, malformed.status());
    assertEquals("08P01", malformed.body().path("sqlState").asText());
    assertTrue(malformed.body().path("errorMessage").asText().startsWith("malformed Avatica request: "));
    assertNoServerInternals(malformed.raw());

    TestingGateway.Reply goneConnection = gateway.json(Map.of("request", "createStatement", "connectionId", "never"));
    assertEquals("08003", goneConnection.body().path("sqlState").asText());
    assertNoServerInternals(goneConnection.raw());

    // The server keeps serving after every error, on the same connection.
    TestingGateway.Reply after = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
        "statementId", statement, "sql", "select count(*) from commission_history", "maxRowCount", -1,
        "maxRowsInFirstFrame", 100));
    assertEquals(200, after.status(), after.raw());
    assertEquals(TestLake.lake().commissionHistory().count(),
        after.body().path("results").path(0).path("firstFrame").path("rows").path(0).path(0).asLong());
    gateway.json(Map.of("request", "closeConnection", "connectionId", connection));
  }

  @Test
  void clientConnectionPropertiesOutsideTheAllowListAreRefused() throws Exception {
    TestingGateway.Reply refused = gateway.json(Map.of("request", "openConnection", "connectionId", "evil",
        "info", Map.of("user", "mallory", "model", "/tmp/other-model.json")));
    assertEquals(500, refused.status());
    assertEquals("08004", refused.body().path("sqlState").asText());
    assertEquals("guardrail CONNECTION_PROPERTY: connection property 'model' is not allowed; allowed: user, password,"
        + " lakegate.timeout_ms", refused.body().path("errorMessage").asText());
    assertNoServerInternals(refused.raw());
    TestingGateway.Reply notOpened = gateway.json(Map.of("request", "createStatement", "connectionId", "evil"));
    assertEquals("08003", notOpened.body().path("sqlState").asText());

    // Avatica's remote driver throws its runtime exception (not an SQLException) from connect.
    Properties properties = new Properties();
    properties.setProperty("fun", "oracle");
    AvaticaClientRuntimeException e = assertThrows(AvaticaClientRuntimeException.class,
        () -> DriverManager.getConnection(gateway.avaticaUrl("protobuf"), properties).close());
    assertEquals("08004", e.getSqlState());
    assertTrue(e.getMessage().contains("connection property 'fun' is not allowed; allowed: user, password,"
        + " lakegate.timeout_ms"), e.getMessage());
    assertEquals(List.of(), e.getServerExceptions());
  }

  @Test
  void protobufAndJsonClientsShareThePort() throws Exception {
    for (String serialization : List.of("protobuf", "json")) {
      Properties properties = new Properties();
      properties.setProperty("user", "bob");
      try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl(serialization), properties);
          Statement statement = connection.createStatement()) {
        try (ResultSet rows = statement.executeQuery(
            "select count(*) from quote_outcomes where outcome = 'won'")) {
          assertTrue(rows.next());
          assertEquals(TestLake.lake().quoteOutcomes().filter(q -> q.outcome().equals("won")).count(),
              rows.getLong(1), serialization);
        }
        AvaticaSqlException e = assertThrows(AvaticaSqlException.class,
            () -> statement.executeQuery("select * from nope"));
        assertEquals("42501", e.getSQLState(), serialization);
        assertTrue(e.getErrorMessage().contains("table 'nope' is not in the allowlist"), e.getErrorMessage());
        assertEquals(List.of(), e.getStackTraces(), "no server stack traces reach the client");
      }
    }
  }

  @Test
  void protobufErrorResponsesCarryNoStackFramesEither() throws Exception {
    ProtobufTranslationImpl translation = new ProtobufTranslationImpl();
    byte[] request = translation.serializeRequest(new Service.CreateStatementRequest("no-such-connection"));
    var response = gateway.post(request, "application/octet-stream");
    assertEquals(500, response.statusCode());
    Service.Response decoded = translation.parseResponse(response.body());
    Service.ErrorResponse error = (Service.ErrorResponse) decoded;
    assertEquals("08003", error.sqlState);
    assertEquals(List.of(), error.exceptions);
    assertNoServerInternals(new String(response.body(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void healthSaysUpWithTheBackendAndTables() throws Exception {
    var response = gateway.get("/health");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertEquals("UP", health.path("status").asText());
    assertEquals("lake", health.path("backend").asText());
    assertEquals(3, health.path("tables").asInt());
  }

  @Test
  void metricsCountQueriesAndLakeScans() throws Exception {
    JsonNode before = metrics();
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("select sum(quotes_won) from partner_metrics")) {
        assertTrue(rows.next());
      }
      assertThrows(SQLException.class, () -> statement.executeQuery("select nope from partner_metrics"));
    }
    JsonNode after = metrics();
    assertEquals(before.path("queries").path("ok").asLong() + 1, after.path("queries").path("ok").asLong());
    assertEquals(before.path("queries").path("error").asLong() + 1, after.path("queries").path("error").asLong());
    JsonNode lake = after.path("lake");
    assertTrue(lake.path("filesOpened").asLong() > before.path("lake").path("filesOpened").asLong());
    assertTrue(lake.path("rowGroupsRead").asLong() > 0);
    assertTrue(lake.path("columnChunksDecoded").path("partner_metrics.quotes_won").asLong() > 0, lake.toString());
    assertEquals(3, after.path("lakeFiles").path("tables").size());
  }

  @Test
  void otherRequestsGetAJson404ListingTheEndpoints() throws Exception {
    var response = gateway.get("/nope");
    assertEquals(404, response.statusCode());
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertEquals("no GET /nope", body.path("error").asText());
    assertEquals("[\"POST / (Avatica JSON or Protobuf)\",\"GET /health\",\"GET /metrics\"]",
        body.path("endpoints").toString());
    assertEquals(404, gateway.get("/").statusCode());
    assertFalse(gateway.get("/").body().contains("Jetty"));
  }

  private static JsonNode metrics() throws IOException, InterruptedException {
    var response = gateway.get("/metrics");
    assertEquals(200, response.statusCode());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }

  private static void assertNoServerInternals(String body) {
    for (String leak : List.of("\tat ", "at org.", "at java.", "at io.lakegate", "Exception:", ".java:")) {
      assertFalse(body.contains(leak), "'" + leak + "' in " + body);
    }
  }
}
