package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Avatica JSON requests that leave the row counts out, as a curl user or an agent writes them:
 * Avatica decodes the missing numbers as 0, which used to answer an empty result marked done.
 */
class AvaticaRowCountDefaultsTest {
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
  void prepareAndExecuteWithoutRowCountsReturnsTheRows() throws Exception {
    int statement = open("no-counts");
    JsonNode frame = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", "no-counts",
        "statementId", statement, "sql", "select count(*) as n from partner_metrics"))
        .body().path("results").path(0).path("firstFrame");
    assertEquals(List.of(partnerMetricsRows), List.of(frame.path("rows").path(0).path(0).asLong()), frame.toString());
    assertTrue(frame.path("done").asBoolean(), "one row, all of the result");
    gateway.json(Map.of("request", "closeConnection", "connectionId", "no-counts"));
  }

  @Test
  void fetchAfterTheLastFrameAnswersNoMoreRowsInsteadOfAnError() throws Exception {
    int statement = open("fetch-after-done");
    JsonNode first = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", "fetch-after-done",
        "statementId", statement, "sql", "select count(*) as n from partner_metrics"))
        .body().path("results").path(0).path("firstFrame");
    assertTrue(first.path("done").asBoolean(), first.toString());
    JsonNode fetched = gateway.json(Map.of("request", "fetch", "connectionId", "fetch-after-done",
        "statementId", statement, "offset", 1)).body();
    assertEquals("fetch", fetched.path("response").asText(), fetched.toString());
    assertTrue(fetched.path("frame").path("done").asBoolean(), fetched.toString());
    assertEquals(0, fetched.path("frame").path("rows").size(), fetched.toString());
    gateway.json(Map.of("request", "closeConnection", "connectionId", "fetch-after-done"));
  }

  @Test
  void aLargerResultComesInDefaultFramesAndFetchWithoutACountPagesThroughIt() throws Exception {
    int statement = open("paged");
    try (QueryLogCapture log = new QueryLogCapture()) {
      JsonNode frame = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", "paged",
          "statementId", statement, "sql", "select partner_id from partner_metrics limit 10000"))
          .body().path("results").path(0).path("firstFrame");
      assertEquals(LakegateMeta.DEFAULT_FRAME_ROWS, frame.path("rows").size(), "the remote driver's first frame");
      assertFalse(frame.path("done").asBoolean());
      long sent = frame.path("rows").size();
      while (!frame.path("done").asBoolean()) {
        frame = gateway.json(Map.of("request", "fetch", "connectionId", "paged", "statementId", statement,
            "offset", sent)).body().path("frame");
        assertTrue(frame.path("rows").size() <= LakegateMeta.DEFAULT_FRAME_ROWS, frame.toString());
        assertTrue(frame.path("done").asBoolean() || frame.path("rows").size() > 0, "no empty frame before the end");
        sent += frame.path("rows").size();
      }
      assertEquals(partnerMetricsRows, sent);
      assertEquals(1, log.lines().size(), log.lines().toString());
      assertTrue(log.lines().get(0).contains(" rows=" + partnerMetricsRows + " "), log.lines().get(0));
    }
    gateway.json(Map.of("request", "closeConnection", "connectionId", "paged"));
  }

  @Test
  void executeOfAPreparedStatementWithoutACountReturnsTheRows() throws Exception {
    gateway.json(Map.of("request", "openConnection", "connectionId", "prepared"));
    JsonNode handle = gateway.json(Map.of("request", "prepare", "connectionId", "prepared",
        "sql", "select count(*) from commission_history")).body().path("statement");
    String execute = "{\"request\":\"execute\",\"statementHandle\":" + handle + ",\"parameterValues\":[]}";
    JsonNode frame = gateway.json(execute).body().path("results").path(0).path("firstFrame");
    assertEquals(TestLake.lake().commissionHistory().count(), frame.path("rows").path(0).path(0).asLong(),
        frame.toString());
    assertTrue(frame.path("done").asBoolean());
    gateway.json(Map.of("request", "closeConnection", "connectionId", "prepared"));
  }

  @Test
  void anExplicitRowLimitStillApplies() throws Exception {
    int statement = open("limited");
    JsonNode frame = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", "limited",
        "statementId", statement, "sql", "select partner_id from partner_metrics", "maxRowsTotal", 3))
        .body().path("results").path(0).path("firstFrame");
    assertEquals(3, frame.path("rows").size(), frame.toString());
    assertTrue(frame.path("done").asBoolean());
    gateway.json(Map.of("request", "closeConnection", "connectionId", "limited"));
  }

  private static int open(String connection) throws Exception {
    gateway.json(Map.of("request", "openConnection", "connectionId", connection));
    return gateway.json(Map.of("request", "createStatement", "connectionId", connection))
        .body().path("statementId").asInt();
  }
}
