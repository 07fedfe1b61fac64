package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Graceful close: running requests finish, open queries are completed in the log, the port is released. */
class GatewayShutdownTest {

  @Test
  void closeLetsTheRunningQueryFinishThenReleasesThePort() throws Exception {
    TestingGateway gateway = new TestingGateway();
    int port = gateway.server().port();
    long expected = TestLake.lake().commissionHistory().count() * TestLake.lake().quoteOutcomes().count();
    try (QueryLogCapture log = new QueryLogCapture()) {
      gateway.json(Map.of("request", "openConnection", "connectionId", "slow"));
      int slow = gateway.json(Map.of("request", "createStatement", "connectionId", "slow"))
          .body().path("statementId").asInt();
      int open = gateway.json(Map.of("request", "createStatement", "connectionId", "slow"))
          .body().path("statementId").asInt();
      // A result left half-fetched: close must complete its log line with the rows sent so far.
      gateway.json(Map.of("request", "prepareAndExecute", "connectionId", "slow", "statementId", open,
          "sql", "select partner_id from partner_metrics", "maxRowCount", -1, "maxRowsInFirstFrame", 10));

      // A cross join of a few million rows keeps a request running while close() begins.
      CompletableFuture<TestingGateway.Reply> running = CompletableFuture.supplyAsync(() -> {
        try {
          return gateway.json(Map.of("request", "prepareAndExecute", "connectionId", "slow", "statementId", slow,
              "sql", "select count(*) from commission_history c, quote_outcomes q", "maxRowCount", -1,
              "maxRowsInFirstFrame", 10));
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      while (!gateway.get("/metrics").body().contains("\"running\":2")) {
        TimeUnit.MILLISECONDS.sleep(5);
      }
      gateway.close();

      TestingGateway.Reply reply = running.get(30, TimeUnit.SECONDS);
      assertEquals(200, reply.status(), reply.raw());
      assertEquals(expected, reply.body().path("results").path(0).path("firstFrame").path("rows").path(0).path(0)
          .asLong());
      List<String> lines = log.lines();
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.contains(" rows=10 ") && l.contains("outcome=ok")
          && l.contains("sql=\"select partner_id from partner_metrics\"")), lines.toString());
    }

    assertEquals(-1, gateway.server().port());
    assertThrows(IOException.class, () -> gateway.get("/health"));
    try (ServerSocket socket = new ServerSocket()) {
      assertDoesNotThrow(() -> socket.bind(new InetSocketAddress("127.0.0.1", port)), "port " + port + " is free");
    }
    assertDoesNotThrow(gateway::close, "closing twice is harmless");
  }
}
