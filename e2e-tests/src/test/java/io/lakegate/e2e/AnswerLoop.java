package io.lakegate.e2e;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin-driver client that loops over queries whose answers are known in advance, on its own thread,
 * and records every execution: the exact expected rows, a clear connection-class error (SQLSTATE class
 * 08 with a message that says what happened), or a problem (a wrong or partial answer, any other error).
 */
final class AnswerLoop implements AutoCloseable {
  /** A connection source (the thin driver against the gateway under test). */
  interface Connector {
    Connection connect() throws SQLException;
  }

  /** A query and the rows it must return, in order. */
  record Query(String name, String sql, List<List<Object>> expected) {
    Query {
      requireNonNull(name, "name");
      requireNonNull(sql, "sql");
      expected = List.copyOf(expected);
    }
  }

  /** What became of one execution. */
  enum Kind { CORRECT, CLEAR_ERROR, PROBLEM }

  /** One execution: which query, when it started and ended ({@link System#nanoTime}), and its outcome. */
  record Outcome(String query, long startNanos, long endNanos, Kind kind, String detail) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(AnswerLoop.class);
  /** A client at a brisk human pace: the machine's two cores also run the gateway and the engine. */
  private static final long PAUSE_MS = 20;

  private final Connector connector;
  private final List<Query> queries;
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  private AnswerLoop(Connector connector, List<Query> queries) {
    this.connector = requireNonNull(connector, "connector");
    this.queries = List.copyOf(queries);
    if (this.queries.isEmpty()) {
      throw new IllegalArgumentException("no queries to loop over");
    }
    thread = new Thread(this::loop, "failover-answer-loop");
    thread.setDaemon(true);
  }

  static AnswerLoop start(Connector connector, List<Query> queries) {
    AnswerLoop loop = new AnswerLoop(connector, queries);
    loop.thread.start();
    return loop;
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Executions that started at or after {@code nanos}. */
  List<Outcome> startedSince(long nanos) {
    return outcomes.stream().filter(o -> o.startNanos() - nanos >= 0).toList();
  }

  List<Outcome> problems() {
    return outcomes.stream().filter(o -> o.kind() == Kind.PROBLEM).toList();
  }

  private void loop() {
    Connection connection = null;
    int next = 0;
    while (running.get()) {
      Query query = queries.get(next++ % queries.size());
      long start = System.nanoTime();
      try {
        if (connection == null) {
          connection = connector.connect();
        }
        List<List<Object>> rows = Sql.rows(connection, query.sql());
        outcomes.add(rows.equals(query.expected())
            ? new Outcome(query.name(), start, System.nanoTime(), Kind.CORRECT, rows.size() + " rows")
            : new Outcome(query.name(), start, System.nanoTime(), Kind.PROBLEM, wrong(query, rows)));
      } catch (SQLException | RuntimeException e) {
        outcomes.add(failed(query, start, e));
        // Whatever the error, start again on a fresh connection, as a careful client would.
        closeQuietly(connection);
        connection = null;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closeQuietly(connection);
  }

  private static String wrong(Query query, List<List<Object>> rows) {
    if (rows.size() != query.expected().size()) {
      return "wrong answer: " + rows.size() + " rows instead of " + query.expected().size();
    }
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).equals(query.expected().get(i))) {
        return "wrong answer: row " + i + " is " + rows.get(i) + " instead of " + query.expected().get(i);
      }
    }
    return "wrong answer";
  }

  /**
   * A clear error or a problem. The thin driver reports a failed fetch, like a failed execute, as an
   * SQLException with the gateway's SQLSTATE; an unchecked exception out of JDBC is a problem.
   */
  private static Outcome failed(Query query, long start, Exception e) {
    Optional<String> sqlState = sqlState(e);
    String message = String.valueOf(e.getMessage());
    boolean clear = sqlState.map(s -> s.startsWith("08")).orElse(false)
        && message.contains("ClickHouse") && !message.contains("\tat ");
    return new Outcome(query.name(), start, System.nanoTime(), clear ? Kind.CLEAR_ERROR : Kind.PROBLEM,
        e.getClass().getSimpleName() + " " + sqlState.orElse("(no SQLSTATE)") + " " + message);
  }

  static Optional<String> sqlState(Exception e) {
    return e instanceof SQLException sql ? Optional.ofNullable(sql.getSQLState()) : Optional.empty();
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // The gateway may have dropped it already; the next query opens a new one either way.
      LOG.debug("closing a connection after an error failed: {}", e.toString());
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
