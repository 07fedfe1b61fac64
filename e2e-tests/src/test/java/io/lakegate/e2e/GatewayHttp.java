package io.lakegate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator and an agent see of a gateway over plain HTTP: {@code GET /health} and
 * {@code GET /metrics} as JSON, and the {@code X-Lakegate-Backend} header of Avatica JSON responses.
 */
final class GatewayHttp {
  static final String BACKEND_HEADER = "X-Lakegate-Backend";
  static final String FAILOVER_HEADER = "X-Lakegate-Failover";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  GatewayHttp(int port) {
    this.port = port;
  }

  JsonNode health() throws IOException, InterruptedException {
    return get("/health");
  }

  JsonNode metrics() throws IOException, InterruptedException {
    return get("/metrics");
  }

  /** A failover counter of {@code /metrics}, e.g. {@code failover_answered_lake}. */
  long counter(String name) throws IOException, InterruptedException {
    return metrics().path("failover").path(name).asLong();
  }

  /** ClickHouse connections borrowed from the gateway's pool right now (-1 when ClickHouse was never opened). */
  int poolActive() throws IOException, InterruptedException {
    return metrics().path("clickhouse").path("pool").path("active").asInt(-1);
  }

  /**
   * The backend headers of one statement answered over Avatica JSON: its execute (first frame of two rows)
   * and one fetch of the next two rows.
   */
  record Headers(Optional<String> execute, Optional<String> fetch, Optional<String> failover) {
  }

  Headers backendHeaders(String sql) throws IOException, InterruptedException {
    String connection = UUID.randomUUID().toString();
    post(Map.of("request", "openConnection", "connectionId", connection));
    try {
      int statement = JSON.readTree(post(Map.of("request", "createStatement", "connectionId", connection)).body())
          .path("statementId").asInt();
      HttpResponse<String> executed = post(Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", sql, "maxRowCount", -1, "maxRowsInFirstFrame", 2));
      require(executed);
      HttpResponse<String> fetched = post(Map.of("request", "fetch", "connectionId", connection,
          "statementId", statement, "offset", 2, "fetchMaxRowCount", 2));
      require(fetched);
      return new Headers(executed.headers().firstValue(BACKEND_HEADER), fetched.headers().firstValue(BACKEND_HEADER),
          fetched.headers().firstValue(FAILOVER_HEADER));
    } finally {
      post(Map.of("request", "closeConnection", "connectionId", connection));
    }
  }

  private static void require(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(Map<String, ?> request) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
