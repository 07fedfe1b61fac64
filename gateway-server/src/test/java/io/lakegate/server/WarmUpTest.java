package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.lake.ScanMetrics;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The warm-up at start: queries built from the model, run before ready, cheap, and not counted as user queries. */
class WarmUpTest {

  @Test
  void theQueriesForTheRepositoryModel() {
    LakegateModel model = ModelLoader.load(TestLake.model());
    assertEquals(List.of(
        "select \"network\", count(*) as n, sum(\"partner_id\") as s, avg(\"partner_id\") as a,"
            + " min(\"partner_id\") as lo, max(\"partner_id\") as hi, percentile_cont(0.5) within group"
            + " (order by \"partner_id\") as m from \"partner_metrics\" where \"date\" = date '0001-01-01'"
            + " and \"network\" <> '' group by \"network\" order by n desc",
        "select a.\"network\", count(*) as n from \"partner_metrics\" as a join \"partner_metrics\" as b"
            + " on a.\"network\" = b.\"network\" and a.\"date\" = b.\"date\" where a.\"date\" = date '0001-01-01'"
            + " group by a.\"network\"",
        "select \"network\", \"partner_id\", row_number() over (partition by \"network\" order by"
            + " \"partner_id\") as r, sum(\"partner_id\") over (partition by \"network\") as t"
            + " from \"partner_metrics\" where \"date\" = date '0001-01-01'",
        "select * from \"partner_metrics\" fetch first 1 rows only"), WarmUp.queries(model));
  }

  @Test
  void everyWarmUpQueryRunsAndReadsAtMostOneFile() throws SQLException {
    try (TestingGateway gateway = new TestingGateway()) {
      LakegateMeta meta = new LakegateMeta("analytics", gateway.server().lakeSchema(),
          TestGuardrails.repositoryPolicy());
      ScanMetrics.Snapshot before = gateway.server().lakeSchema().metrics().snapshot();
      WarmUp.Result result = WarmUp.run(meta::openCalciteConnection,
          WarmUp.queries(ModelLoader.load(TestLake.model())));
      ScanMetrics.Snapshot read = gateway.server().lakeSchema().metrics().snapshot().minus(before);
      assertEquals(4, result.queries());
      assertEquals(0, result.failed());
      // The three planned queries prune every partition; the last reads the first row of one file.
      assertEquals(1, read.filesOpened(), read.toString());
      assertEquals(1, read.rowGroupsRead(), read.toString());
    }
  }

  @Test
  void aFailingQueryIsCountedAndTheOthersStillRun() throws SQLException {
    LakegateMeta meta = new LakegateMeta("analytics", new org.apache.calcite.schema.impl.AbstractSchema(),
        TestGuardrails.repositoryPolicy());
    WarmUp.Result result = WarmUp.run(meta::openCalciteConnection, List.of("select * from nope", "values 1"));
    assertEquals(2, result.queries());
    assertEquals(1, result.failed());
  }

  @Test
  void theGatewayWarmsUpBeforeItIsReadyAndTheWarmUpIsNoUserQuery() throws Exception {
    try (QueryLogCapture server = new QueryLogCapture(GatewayServer.class.getName());
        QueryLogCapture queries = new QueryLogCapture();
        TestingGateway gateway = new TestingGateway(true)) {
      List<String> lines = server.lines();
      Pattern done = Pattern.compile(".*warm-up done in (\\d+) ms \\(4 queries, 0 failed\\)");
      int warmUp = indexOf(lines, done);
      int ready = indexOf(lines, Pattern.compile("ready in \\d+ ms"));
      assertTrue(warmUp >= 0 && warmUp < ready, lines.toString());
      Matcher millis = done.matcher(lines.get(warmUp));
      assertTrue(millis.matches());
      assertEquals(List.of(), queries.lines(), "no query log line for the warm-up");
      JsonNode metrics = new ObjectMapper().readTree(gateway.get("/metrics").body());
      assertEquals(0, metrics.path("queries").path("ok").asLong());
      assertEquals(0, metrics.path("queries").path("error").asLong());
    }
  }

  private static int indexOf(List<String> lines, Pattern pattern) {
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }
}
