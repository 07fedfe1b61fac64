package io.lakegate.bench;

import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Section 4, failover: an agent loops one query over Avatica JSON while the engine is killed (SIGKILL)
 * and restarted, then hung (SIGSTOP) and resumed. Measured: from the signal to the first correct answer
 * from the lake; and from the engine being back (answering {@code /ping}, or SIGCONT) to the gateway's
 * {@code /health} saying statements go to ClickHouse (the breaker closed), to the moment the first query
 * answered by ClickHouse was sent (traffic back: the gateway routed it there), and to that query's answer.
 * The backend of each answer is its {@code X-Lakegate-Backend} header.
 */
final class FailoverSection {
  static final String SECTION = "failover";
  static final String SUBJECT = "lakegate-json";
  /** One day of partner_metrics: answered in milliseconds on both paths, so the loop is tight. */
  /** Measurement suffixes: engine back -> {@code /health} says ClickHouse, -> first ClickHouse query sent. */
  static final String ROUTED = "breaker-closed";
  static final String SENT = "clickhouse-sent";
  static final String QUERY = "select network, count(*) as n, sum(quotes_won) as won from partner_metrics"
      + " where \"date\" = date '2026-03-10' group by network order by network";
  private static final Logger LOG = LoggerFactory.getLogger(FailoverSection.class);
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** How often {@code /health} is asked while traffic is expected back: the breaker's close is seen this closely. */
  private static final Duration HEALTH_POLL = Duration.ofMillis(5);

  private FailoverSection() {
  }

  /**
   * One outage.
   *
   * @param kind {@code kill} or {@code hang}
   * @param toLakeMs signal to the first correct answer from the lake (NaN if none within 30 s)
   * @param routedMs engine back to the first {@code /health} that says {@code "backend":"clickhouse"}: the breaker
   *     had closed, new statements go to ClickHouse (NaN if not within 30 s)
   * @param sentMs engine back to the moment the client sent the first query that ClickHouse answered: traffic back
   *     on ClickHouse. The client loops one query at a time, so this includes the rest of the query it had running
   *     on the lake when the breaker closed (NaN if none within 30 s)
   * @param backMs engine back to the answer of that query (NaN if none within 30 s)
   * @param engineBackMs how long the engine took to come back ({@code restart()} to {@code /ping}; 0 for SIGCONT)
   * @param errors queries that failed from the signal until traffic was back
   * @param wrong answers with wrong rows in that time (must be 0)
   * @param answers answers in that time
   */
  record Event(String kind, int rep, double toLakeMs, double routedMs, double sentMs, double backMs,
      double engineBackMs, long errors, long wrong, long answers) {
  }

  /** The section's result; {@code probeIntervalMs} is model.json's failover probe interval. */
  record Result(List<Event> events, List<String> errorSamples) {
    List<Event> of(String kind) {
      return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
  }

  static Result run(BenchContext context, GatewayProcess gateway) throws IOException, InterruptedException {
    ClickHouseTestEngine engine = context.engine().engine();
    List<Event> events = new ArrayList<>();
    try (QueryLoop loop = QueryLoop.start(gateway.port())) {
      loop.await(System.nanoTime(), o -> "clickhouse".equals(o.backend()), PATIENCE)
          .orElseThrow(() -> new IllegalStateException("failover: ClickHouse never answered before the outages"));
      for (int rep = 1; rep <= context.options().failoverReps(); rep++) {
        events.add(kill(context, gateway, engine, loop, rep));
        events.add(hang(context, gateway, engine, loop, rep));
      }
      return new Result(events, loop.errorSamples());
    }
  }

  private static Event kill(BenchContext context, GatewayProcess gateway, ClickHouseTestEngine engine, QueryLoop loop,
      int rep) throws IOException, InterruptedException {
    LOG.info("failover: SIGKILL (repetition {})", rep);
    long killed = System.nanoTime();
    engine.kill();
    Optional<QueryLoop.Outcome> lake = loop.await(killed, o -> "lake".equals(o.backend()) && o.correct(), PATIENCE);
    long restarting = System.nanoTime();
    engine.restart();
    long ready = System.nanoTime();
    OptionalLong routed = awaitRouted(gateway, ready);
    Optional<QueryLoop.Outcome> back = loop.await(ready, o -> "clickhouse".equals(o.backend()), PATIENCE);
    return event(context, loop, "kill", rep, killed, lake, ready, routed, back, ms(ready - restarting));
  }

  private static Event hang(BenchContext context, GatewayProcess gateway, ClickHouseTestEngine engine, QueryLoop loop,
      int rep) throws InterruptedException {
    LOG.info("failover: SIGSTOP (repetition {})", rep);
    long paused = System.nanoTime();
    engine.pause();
    Optional<QueryLoop.Outcome> lake;
    try {
      lake = loop.await(paused, o -> "lake".equals(o.backend()) && o.correct(), PATIENCE);
    } finally {
      engine.resume();
    }
    long resumed = System.nanoTime();
    OptionalLong routed = awaitRouted(gateway, resumed);
    Optional<QueryLoop.Outcome> back = loop.await(resumed, o -> "clickhouse".equals(o.backend()), PATIENCE);
    return event(context, loop, "hang", rep, paused, lake, resumed, routed, back, 0);
  }

  /**
   * When {@code /health} first says that statements go to ClickHouse, polling from {@code sinceNanos}: the
   * breaker closed at most one poll (and one round trip) before. Empty if not within 30 s.
   */
  private static OptionalLong awaitRouted(GatewayProcess gateway, long sinceNanos) throws InterruptedException {
    long deadline = sinceNanos + PATIENCE.toNanos();
    String lastProblem = "";
    while (System.nanoTime() < deadline) {
      try {
        if ("clickhouse".equals(gateway.health().path("backend").asText())) {
          return OptionalLong.of(System.nanoTime());
        }
      } catch (IOException e) {
        String problem = Errors.oneLine(e);
        if (!problem.equals(lastProblem)) {
          LOG.warn("failover: /health failed while waiting for the breaker to close: {}", problem);
          lastProblem = problem;
        }
      }
      Thread.sleep(HEALTH_POLL.toMillis());
    }
    return OptionalLong.empty();
  }

  private static Event event(BenchContext context, QueryLoop loop, String kind, int rep, long signal,
      Optional<QueryLoop.Outcome> lake, long ready, OptionalLong routed, Optional<QueryLoop.Outcome> back,
      double engineBackMs) throws InterruptedException {
    double toLake = lake.map(o -> ms(o.endNanos() - signal)).orElse(Double.NaN);
    double routedMs = routed.isPresent() ? ms(routed.getAsLong() - ready) : Double.NaN;
    double sentMs = back.map(o -> ms(o.startNanos() - ready)).orElse(Double.NaN);
    double backMs = back.map(o -> ms(o.endNanos() - ready)).orElse(Double.NaN);
    long end = back.map(QueryLoop.Outcome::endNanos).orElse(System.nanoTime());
    List<QueryLoop.Outcome> window = loop.between(signal, end);
    long errors = window.stream().filter(o -> !o.answered()).count();
    long wrong = window.stream().filter(o -> o.answered() && !o.correct()).count();
    String signalName = kind.equals("kill") ? "SIGKILL" : "SIGSTOP";
    String backName = kind.equals("kill") ? "restart" : "SIGCONT";
    String none = "no answer from ClickHouse within " + PATIENCE;
    context.record(new Measurement(SECTION, signalName + "->lake", SUBJECT, Measurement.MEASURE, rep, toLake, -1,
        lake.isPresent(), lake.isPresent() ? "" : "no correct answer from the lake within " + PATIENCE));
    context.record(new Measurement(SECTION, backName + "->" + ROUTED, SUBJECT, Measurement.MEASURE, rep, routedMs, -1,
        routed.isPresent(), routed.isPresent() ? "/health said backend clickhouse"
            : "/health did not say backend clickhouse within " + PATIENCE));
    context.record(new Measurement(SECTION, backName + "->" + SENT, SUBJECT, Measurement.MEASURE, rep, sentMs, -1,
        back.isPresent(), back.isPresent() ? "first query answered by ClickHouse, when it was sent" : none));
    context.record(new Measurement(SECTION, backName + "->clickhouse", SUBJECT, Measurement.MEASURE, rep, backMs, -1,
        back.isPresent(), back.isPresent() ? "first query answered by ClickHouse, when its answer arrived" : none));
    LOG.info("failover: {} {}: lake answered after {} ms; engine back -> breaker closed (/health) {} ms, first"
        + " ClickHouse query sent {} ms, answered {} ms; {} errors, {} wrong answers", kind, rep, Math.round(toLake),
        Math.round(routedMs), Math.round(sentMs), Math.round(backMs), errors, wrong);
    // Settle: a few answers from ClickHouse before the next outage.
    loop.await(System.nanoTime() + Duration.ofMillis(500).toNanos(), o -> "clickhouse".equals(o.backend()), PATIENCE);
    return new Event(kind, rep, toLake, routedMs, sentMs, backMs, engineBackMs, errors, wrong, window.size());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** The looping agent: one query after the other, each outcome with its time and its backend. */
  static final class QueryLoop implements AutoCloseable {
    /**
     * One query's outcome.
     *
     * @param startNanos when it was sent, System.nanoTime()
     * @param endNanos when it ended, System.nanoTime()
     * @param backend the backend header, null on error
     * @param correct whether the rows are the expected ones
     * @param error the error message, null when answered
     */
    record Outcome(long startNanos, long endNanos, String backend, boolean correct, String error) {
      boolean answered() {
        return error == null;
      }
    }

    private final AvaticaJsonClient client;
    private final List<List<String>> expected;
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    private QueryLoop(AvaticaJsonClient client, List<List<String>> expected) {
      this.client = client;
      this.expected = expected;
      this.thread = new Thread(this::loop, "bench-failover-loop");
      thread.setDaemon(true);
    }

    /** Takes the expected rows from ClickHouse's answer, then starts looping. */
    static QueryLoop start(int port) throws IOException {
      AvaticaJsonClient client = AvaticaJsonClient.open(port, REQUEST_TIMEOUT);
      AvaticaJsonClient.Answer first = client.query(QUERY);
      if (first.rows().isEmpty()) {
        client.close();
        throw new IllegalStateException("failover: the probe query returned no rows; is the lake empty?");
      }
      QueryLoop loop = new QueryLoop(client, first.rows());
      loop.thread.start();
      return loop;
    }

    private void loop() {
      while (!stopped) {
        long start = System.nanoTime();
        try {
          AvaticaJsonClient.Answer answer = client.query(QUERY);
          outcomes.add(new Outcome(start, System.nanoTime(), answer.backend(), answer.rows().equals(expected), null));
        } catch (IOException e) {
          String message = Errors.oneLine(e);
          outcomes.add(new Outcome(start, System.nanoTime(), null, false, message));
          if (errorSamples.size() < 5) {
            errorSamples.add(message);
          }
        }
      }
    }

    /** The first outcome after {@code sinceNanos} that matches, waiting up to {@code timeout}. */
    Optional<Outcome> await(long sinceNanos, Predicate<Outcome> matching, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      int from = 0;
      while (System.nanoTime() < deadline) {
        synchronized (outcomes) {
          for (int i = from; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.endNanos() > sinceNanos && matching.test(outcome)) {
              return Optional.of(outcome);
            }
          }
          from = outcomes.size();
        }
        Thread.sleep(2);
      }
      return Optional.empty();
    }

    List<Outcome> between(long fromNanos, long toNanos) {
      synchronized (outcomes) {
        return outcomes.stream().filter(o -> o.endNanos() > fromNanos && o.endNanos() <= toNanos).toList();
      }
    }

    List<String> errorSamples() {
      return List.copyOf(errorSamples);
    }

    @Override
    public void close() throws IOException, InterruptedException {
      stopped = true;
      thread.join(REQUEST_TIMEOUT.toMillis() * 2);
      client.close();
    }
  }
}
