package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover through the whole product: while a thin-driver client loops on queries with known answers, the
 * ClickHouse engine behind a gateway of this class's own (over the shared lake, with model.json's probe
 * timing) is killed and restarted, then stopped (SIGSTOP) and resumed; a second gateway's ClickHouse port
 * refuses every connection. Every answer must be the expected rows or a clear connection-class error, never
 * a wrong or partial one; the lake takes over within the hang bound and ClickHouse takes traffic back within
 * the recovery bound (both documented in docs/failover.md). Which backend answered is read from
 * {@code /metrics}, {@code /health}, the engine's statement log and the {@code X-Lakegate-Backend} header.
 */
@ExtendWith(SharedGateway.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverIT.class);
  private static final ClickHouseGateway.Timing TIMING = ClickHouseGateway.Timing.PROJECT;
  /**
   * What a loaded 2-core machine adds: GC and JIT pauses, the probe thread waiting for a core, and a
   * statement in flight on the lake (a sorted scan of several days of quotes) when traffic moves.
   */
  static final long SLACK_MS = 2_000;
  /**
   * ClickHouse takes traffic back within: up to one probe interval until the next probe, one probe that
   * may fail on a pooled socket of the dead engine (up to the probe timeout) and a second interval, plus slack.
   */
  static final long RECOVERY_BOUND_MS = 2L * TIMING.probeIntervalMs() + TIMING.probeTimeoutMs() + SLACK_MS;
  /**
   * The lake answers within: a hung engine is given up after at most one health-check interval and one
   * probe timeout (a killed one at once, by the refused connection), plus slack.
   */
  static final long HANG_BOUND_MS = TIMING.healthCheckIntervalMs() + TIMING.probeTimeoutMs() + SLACK_MS;
  private static final String ANSWERED_CLICKHOUSE = "failover_answered_clickhouse";
  private static final String ANSWERED_LAKE = "failover_answered_lake";
  /** Correct answers to wait for, to show that traffic flows on the backend just reached. */
  private static final int FLOWING = 3;
  private static final long POLL_MS = 20;

  private static ClickHouseGateway clickhouse;
  private static GatewayHttp http;
  private static List<AnswerLoop.Query> queries;

  @BeforeAll
  static void start(LakegateFixture lake) throws Exception {
    queries = queries(lake);
    clickhouse = ClickHouseGateway.onTestEngine(lake, TIMING);
    http = new GatewayHttp(clickhouse.port());
    long before = clickhouse.lastStatement();
    try (Connection c = clickhouse.connect()) {
      for (AnswerLoop.Query query : queries) {
        assertEquals(query.expected(), Sql.rows(c, query.sql()), query.name() + ": ClickHouse and the lake agree");
      }
    }
    assertEquals(queries.size(), clickhouse.queriesAfter(before).size(), "each query reached ClickHouse once");
  }

  @AfterAll
  static void stop() throws IOException {
    if (clickhouse != null) {
      clickhouse.close();
    }
  }

  /**
   * The queries of the loop and their answers, taken from the lake gateway: a count, an aggregate, and a
   * few hundred rows of quotes (several fetch frames of the driver's default 100 rows).
   */
  private static List<AnswerLoop.Query> queries(LakegateFixture lake) throws SQLException {
    try (Connection c = lake.connect()) {
      LocalDate first = LocalDate.parse(Sql.rows(c, "select min(\"date\") from quote_outcomes").get(0).get(0)
          .toString());
      // An ISO date computed here, not text from outside: nothing to escape.
      String quotes = "select quote_id, partner_id, network, product, outcome, list_premium, quoted_at"
          + " from quote_outcomes where \"date\" < DATE '" + first.plusDays(7) + "' order by quote_id limit 400";
      List<AnswerLoop.Query> loop = List.of(
          query(c, "count", "select count(*) as n from commission_history"),
          query(c, "by-network", "select network, count(*) as n, sum(quotes_won) as won from partner_metrics"
              + " group by network order by network"),
          query(c, "quotes", quotes));
      assertTrue(loop.get(2).expected().size() > 300, "several frames: " + loop.get(2).expected().size() + " rows");
      return loop;
    }
  }

  private static AnswerLoop.Query query(Connection lake, String name, String sql) throws SQLException {
    return new AnswerLoop.Query(name, sql, Sql.rows(lake, sql));
  }

  @Test
  @Order(1)
  void killedEngineLakeAnswersThenRestartedEngineTakesTrafficBack() throws Exception {
    ClickHouseTestEngine engine = clickhouse.engine();
    awaitClickHouseRoute();
    AnswerLoop loop = AnswerLoop.start(clickhouse::connect, queries);
    try {
      awaitCorrect(loop, System.nanoTime());
      long lakeBefore = http.counter(ANSWERED_LAKE);
      engine.kill();
      // kill() returns once the process is gone.
      long killed = System.nanoTime();
      long toLakeCounter = awaitCounterAbove(ANSWERED_LAKE, lakeBefore, killed, HANG_BOUND_MS, "the lake answers");
      long toLake = awaitCorrect(loop, killed);
      assertServedByTheLake("connection refused");

      long seq = clickhouse.lastStatement();
      engine.restart();
      long up = System.nanoTime();
      long back = awaitCounterAbove(ANSWERED_CLICKHOUSE, http.counter(ANSWERED_CLICKHOUSE), up, RECOVERY_BOUND_MS,
          "ClickHouse takes traffic back");
      awaitCorrect(loop, up);
      assertFalse(clickhouse.queriesAfter(seq).isEmpty(), "the restarted engine received the client's queries");
      assertHeaders("clickhouse");
      LOG.info("failover measured: kill -> first lake answer {} ms (first correct answer to a query started after"
          + " the kill {} ms); restart (engine answers /ping) -> first ClickHouse answer {} ms; bound {} ms",
          toLakeCounter, toLake, back, RECOVERY_BOUND_MS);
    } finally {
      loop.close();
    }
    assertOnlyCorrectOrClear(loop);
    awaitNoBorrowedConnection();
  }

  @Test
  @Order(2)
  void hungEngineLakeAnswersThenResumedEngineTakesTrafficBack() throws Exception {
    ClickHouseTestEngine engine = clickhouse.engine();
    awaitClickHouseRoute();
    AnswerLoop loop = AnswerLoop.start(clickhouse::connect, queries);
    try {
      awaitCorrect(loop, System.nanoTime());
      long lakeBefore = http.counter(ANSWERED_LAKE);
      long toLakeCounter;
      long toLake;
      engine.pause();
      try {
        // pause() returns once kill -STOP has: the engine answers nothing from here on.
        long paused = System.nanoTime();
        toLakeCounter = awaitCounterAbove(ANSWERED_LAKE, lakeBefore, paused, HANG_BOUND_MS, "the lake answers");
        toLake = awaitCorrect(loop, paused);
        // The reason is the probe's or the statement's that found the engine hung first; any will do.
        assertServedByTheLake("");
      } finally {
        engine.resume();
      }
      // resume() returns once kill -CONT has.
      long resumed = System.nanoTime();
      long back = awaitCounterAbove(ANSWERED_CLICKHOUSE, http.counter(ANSWERED_CLICKHOUSE), resumed,
          RECOVERY_BOUND_MS, "ClickHouse takes traffic back");
      awaitCorrect(loop, resumed);
      assertHeaders("clickhouse");
      LOG.info("failover measured: SIGSTOP -> first lake answer {} ms (first correct answer to a query started after"
          + " the pause {} ms, bound {} ms); SIGCONT -> first ClickHouse answer {} ms; bound {} ms", toLakeCounter,
          toLake, HANG_BOUND_MS, back, RECOVERY_BOUND_MS);
    } finally {
      loop.close();
    }
    assertOnlyCorrectOrClear(loop);
    awaitNoBorrowedConnection();
  }

  @Test
  @Order(3)
  void aRefusedPortIsServedEntirelyByTheLake(LakegateFixture lake) throws Exception {
    RefusedClickHouse refused = RefusedClickHouse.onAFreePort();
    try (ClickHouseGateway gateway = ClickHouseGateway.on(lake, refused, TIMING)) {
      GatewayHttp refusedHttp = new GatewayHttp(gateway.port());
      JsonNode health = refusedHttp.health();
      assertEquals("lake", health.path("backend").asText(), health.toString());
      assertEquals("OPEN", health.path("clickhouse").path("state").asText(), health.toString());
      assertTrue(health.path("clickhouse").path("reason").asText().contains("connection refused"), health.toString());
      AnswerLoop loop = AnswerLoop.start(gateway::connect, queries);
      try {
        long started = System.nanoTime();
        while (loop.startedSince(started).stream().filter(o -> o.kind() == AnswerLoop.Kind.CORRECT).count()
            < 2L * queries.size()) {
          assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "the lake answers the loop");
          TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
      } finally {
        loop.close();
      }
      assertEquals(List.of(), loop.outcomes().stream().filter(o -> o.kind() != AnswerLoop.Kind.CORRECT).toList(),
          "nothing is in flight when ClickHouse is refused from the start: every answer is right");
      assertEquals(0, refusedHttp.counter(ANSWERED_CLICKHOUSE));
      assertTrue(refusedHttp.counter(ANSWERED_LAKE) >= loop.outcomes().size(), refusedHttp.metrics().toString());
      GatewayHttp.Headers headers = refusedHttp.backendHeaders(queries.get(2).sql());
      assertEquals("lake", headers.execute().orElse("none"));
      assertEquals("lake", headers.fetch().orElse("none"));
      assertTrue(headers.failover().orElse("").contains("connection refused"), headers.toString());
      assertEquals("lake", refusedHttp.health().path("backend").asText(), "the probes keep finding the port refused");
    }
  }

  /** {@code /health} says the gateway is up and serving from the lake because ClickHouse is unavailable. */
  private static void assertServedByTheLake(String reason) throws IOException, InterruptedException {
    JsonNode health = http.health();
    // The breaker reports the latest probe's finding: the failure that opened it may have come from a
    // server half way through dying ("request failed"), the next probe finds the port refused.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!health.path("clickhouse").path("reason").asText().contains(reason) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
      health = http.health();
    }
    assertEquals("UP", health.path("status").asText(), health.toString());
    assertEquals("lake", health.path("backend").asText(), health.toString());
    assertEquals("OPEN", health.path("clickhouse").path("state").asText(), health.toString());
    String why = health.path("clickhouse").path("reason").asText();
    assertTrue(!why.isBlank() && why.contains(reason), health.toString());
    assertHeaders("lake");
  }

  /** A statement over Avatica JSON names the backend on its execute and on its fetch. */
  private static void assertHeaders(String backend) throws IOException, InterruptedException {
    GatewayHttp.Headers headers = http.backendHeaders(queries.get(2).sql());
    for (int retry = 0; retry < 3 && headers.failover().orElse("").contains("without a response"); retry++) {
      // After a restart a pooled connection may hold a socket of the old engine: that statement was re-run
      // on the lake (a right answer); ask again.
      headers = http.backendHeaders(queries.get(2).sql());
    }
    assertEquals(backend, headers.execute().orElse("none"), headers.toString());
    assertEquals(backend, headers.fetch().orElse("none"), headers.toString());
    assertEquals(backend.equals("lake"), headers.failover().isPresent(), headers.toString());
  }

  private static void assertOnlyCorrectOrClear(AnswerLoop loop) {
    List<AnswerLoop.Outcome> outcomes = loop.outcomes();
    List<String> clear = outcomes.stream().filter(o -> o.kind() == AnswerLoop.Kind.CLEAR_ERROR)
        .map(AnswerLoop.Outcome::detail).toList();
    LOG.info("the loop ran {} queries: {} correct, {} clear errors {}", outcomes.size(),
        outcomes.stream().filter(o -> o.kind() == AnswerLoop.Kind.CORRECT).count(), clear.size(), clear);
    assertEquals(List.of(), loop.problems(), "no wrong or partial answer, no unclear error");
  }

  /** Once nothing runs, no ClickHouse connection is borrowed from the pool (none leaked by a failover). */
  private static void awaitNoBorrowedConnection() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (http.poolActive() != 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(POLL_MS);
    }
    assertEquals(0, http.poolActive(), http.metrics().toString());
  }

  private static void awaitClickHouseRoute() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!"clickhouse".equals(http.health().path("backend").asText()) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(POLL_MS);
    }
    assertEquals("clickhouse", http.health().path("backend").asText(), http.health().toString());
  }

  /**
   * Waits until {@code /metrics} counter {@code name} exceeds {@code before}; the milliseconds from
   * {@code sinceNanos} until it was seen (polled every {@value #POLL_MS} ms).
   */
  private static long awaitCounterAbove(String name, long before, long sinceNanos, long boundMs, String what)
      throws IOException, InterruptedException {
    while (true) {
      long now = System.nanoTime();
      if (http.counter(name) > before) {
        return TimeUnit.NANOSECONDS.toMillis(now - sinceNanos);
      }
      if (TimeUnit.NANOSECONDS.toMillis(now - sinceNanos) > boundMs) {
        fail(what + ": " + name + " did not move within " + boundMs + " ms; health " + http.health());
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS);
    }
  }

  /**
   * Waits for {@value #FLOWING} correct answers to queries started at or after {@code sinceNanos}; the
   * milliseconds from {@code sinceNanos} to the end of the first of them.
   */
  private static long awaitCorrect(AnswerLoop loop, long sinceNanos) throws InterruptedException {
    long deadline = sinceNanos + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<AnswerLoop.Outcome> correct = loop.startedSince(sinceNanos).stream()
          .filter(o -> o.kind() == AnswerLoop.Kind.CORRECT).toList();
      if (correct.size() >= FLOWING) {
        return TimeUnit.NANOSECONDS.toMillis(correct.get(0).endNanos() - sinceNanos);
      }
      if (System.nanoTime() > deadline) {
        fail("fewer than " + FLOWING + " correct answers within 30 s; problems: " + loop.problems());
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS);
    }
  }
}
