package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agent's client: Avatica JSON requests over HTTP, one connection, one statement per query. Unlike
 * the thin driver it sees the {@code X-Lakegate-Backend} header of every answer, which is how the
 * failover section knows which backend answered each query.
 */
final class AvaticaJsonClient implements AutoCloseable {
  static final String BACKEND_HEADER = "X-Lakegate-Backend";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final String connectionId = "bench-" + UUID.randomUUID();
  private final Duration timeout;

  /**
   * An answer.
   *
   * @param backend the backend header's value ({@code clickhouse}, {@code lake}; {@code none} when absent)
   * @param rows the first frame's rows, numbers without trailing zeros
   */
  record Answer(String backend, List<List<String>> rows) {
  }

  private AvaticaJsonClient(URI uri, Duration timeout) {
    this.uri = uri;
    this.timeout = timeout;
  }

  static AvaticaJsonClient open(int port, Duration timeout) throws IOException {
    AvaticaJsonClient client = new AvaticaJsonClient(URI.create("http://127.0.0.1:" + port + "/"),
        requireNonNull(timeout, "timeout"));
    client.call(Map.of("request", "openConnection", "connectionId", client.connectionId));
    return client;
  }

  /** Runs {@code sql}; the answer must fit in the first frame (a benchmark query of a few rows). */
  Answer query(String sql) throws IOException {
    JsonNode created = call(Map.of("request", "createStatement", "connectionId", connectionId)).body;
    int statementId = created.path("statementId").asInt();
    try {
      Map<String, Object> execute = new LinkedHashMap<>();
      execute.put("request", "prepareAndExecute");
      execute.put("connectionId", connectionId);
      execute.put("statementId", statementId);
      execute.put("sql", sql);
      execute.put("maxRowCount", -1);
      execute.put("maxRowsInFirstFrame", 1000);
      Reply reply = call(execute);
      JsonNode frame = reply.body.path("results").path(0).path("firstFrame");
      if (!frame.path("done").asBoolean(false)) {
        throw new IOException("the answer to a failover probe query did not fit in one frame");
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode row : frame.path("rows")) {
        List<String> values = new ArrayList<>();
        row.forEach(value -> values.add(normalize(value)));
        rows.add(values);
      }
      return new Answer(reply.backend, rows);
    } finally {
      call(Map.of("request", "closeStatement", "connectionId", connectionId, "statementId", statementId));
    }
  }

  private static String normalize(JsonNode value) {
    if (value.isNull()) {
      return "NULL";
    }
    if (value.isNumber()) {
      return new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
    }
    return value.asText();
  }

  private record Reply(JsonNode body, String backend) {
  }

  private Reply call(Map<String, ?> request) throws IOException {
    HttpRequest post = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + request.get("request"), e);
    }
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || "error".equals(body.path("response").asText())) {
      throw new IOException(request.get("request") + " failed (HTTP " + response.statusCode() + "): "
          + body.path("errorMessage").asText(response.body()));
    }
    return new Reply(body, response.headers().firstValue(BACKEND_HEADER).orElse("none"));
  }

  @Override
  public void close() throws IOException {
    call(Map.of("request", "closeConnection", "connectionId", connectionId));
  }
}
