package io.lakegate.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A gateway over the test lake on a free port of 127.0.0.1, with small HTTP helpers for raw requests. */
final class TestingGateway implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final GatewayServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  /** A gateway without the warm-up (tests start many; the warm-up has its own test). */
  TestingGateway() {
    this(false);
  }

  TestingGateway(boolean warmup) {
    server = new GatewayServer(new ServerConfig(TestLake.model(), "127.0.0.1", 0, false, warmup)).start();
    port = server.port();
  }

  GatewayServer server() {
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The thin Avatica driver's URL for this gateway. */
  String avaticaUrl(String serialization) {
    return "jdbc:avatica:remote:url=" + url() + ";serialization=" + serialization;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> post(byte[] body, String contentType) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url() + "/"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** POSTs one Avatica JSON request as curl would; returns the status and the parsed body. */
  Reply json(Map<String, ?> request) throws IOException, InterruptedException {
    return json(MAPPER.writeValueAsString(request));
  }

  Reply json(String request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = post(request.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return new Reply(response.statusCode(), body, MAPPER.readTree(body));
  }

  /** An HTTP status with its JSON body, raw and parsed. */
  record Reply(int status, String raw, JsonNode body) {
  }

  @Override
  public void close() {
    server.close();
  }
}
