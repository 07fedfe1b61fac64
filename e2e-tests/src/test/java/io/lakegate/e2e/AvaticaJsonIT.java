package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Avatica JSON protocol over plain HTTP, as an agent's tool or curl speaks it. */
@ExtendWith(SharedGateway.class)
class AvaticaJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test void openPrepareExecuteFetchClose(LakegateFixture gateway) throws Exception {
    String connection = UUID.randomUUID().toString();
    post(gateway, "{\"request\":\"openConnection\",\"connectionId\":\"" + connection + "\"}");
    JsonNode statement = post(gateway, "{\"request\":\"createStatement\",\"connectionId\":\"" + connection + "\"}");
    int id = statement.get("statementId").asInt();
    JsonNode executed = post(gateway, "{\"request\":\"prepareAndExecute\",\"connectionId\":\"" + connection
        + "\",\"statementId\":" + id + ",\"sql\":\"select network, count(*) as n from partner_metrics group by network"
        + " order by network\",\"maxRowCount\":-1,\"maxRowsInFirstFrame\":2}");
    JsonNode first = executed.get("results").get(0);
    assertEquals(2, first.get("firstFrame").get("rows").size());
    long total = 0;
    int rows = 0;
    for (JsonNode row : first.get("firstFrame").get("rows")) {
      total += row.get(1).asLong();
      rows++;
    }
    boolean done = first.get("firstFrame").get("done").asBoolean();
    int offset = rows;
    while (!done) {
      JsonNode frame = post(gateway, "{\"request\":\"fetch\",\"connectionId\":\"" + connection + "\",\"statementId\":"
          + id + ",\"offset\":" + offset + ",\"fetchMaxRowCount\":2}").get("frame");
      for (JsonNode row : frame.get("rows")) {
        total += row.get(1).asLong();
        rows++;
        offset++;
      }
      done = frame.get("done").asBoolean();
    }
    assertEquals(gateway.lake().partnerMetrics().map(r -> r.network()).distinct().count(), rows);
    assertEquals(gateway.lake().partnerMetrics().count(), total);
    post(gateway, "{\"request\":\"closeStatement\",\"connectionId\":\"" + connection + "\",\"statementId\":" + id + "}");
    post(gateway, "{\"request\":\"closeConnection\",\"connectionId\":\"" + connection + "\"}");
  }

  @Test void errorResponseCarriesNoStackTrace(LakegateFixture gateway) throws Exception {
    String connection = UUID.randomUUID().toString();
    post(gateway, "{\"request\":\"openConnection\",\"connectionId\":\"" + connection + "\"}");
    int id = post(gateway, "{\"request\":\"createStatement\",\"connectionId\":\"" + connection + "\"}")
        .get("statementId").asInt();
    HttpResponse<String> response = send(gateway, "{\"request\":\"prepareAndExecute\",\"connectionId\":\""
        + connection + "\",\"statementId\":" + id + ",\"sql\":\"select nope from quote_outcomes\",\"maxRowCount\":-1}");
    assertEquals(500, response.statusCode());
    JsonNode error = JSON.readTree(response.body());
    assertEquals("error", error.get("response").asText());
    assertTrue(error.get("errorMessage").asText().contains("Column 'nope' not found"), response.body());
    assertFalse(response.body().contains("\\tat "), "no stack frames: " + response.body());
    assertFalse(response.body().contains("org.apache.calcite."), "no internals: " + response.body());
    post(gateway, "{\"request\":\"closeConnection\",\"connectionId\":\"" + connection + "\"}");
  }

  private JsonNode post(LakegateFixture gateway, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = send(gateway, body);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(LakegateFixture gateway, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
