package io.lakegate.failover;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that runs {@link Sql#QUERIES} round-robin through the failover executor on its own Calcite
 * connection until stopped, recording every outcome with its time, as an agent hammering the gateway
 * would see them. Each answer is compared with the lake's answer computed up front.
 */
@SuppressWarnings("try") // backend bindings are read by the planner, not in their blocks
final class QueryLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryLoop.class);

  /**
   * One statement's outcome.
   *
   * @param startNanos when the statement was sent to the executor (where it is routed), System.nanoTime()
   * @param endNanos when the answer (or error) arrived, System.nanoTime()
   * @param backend which backend answered; null on error
   * @param correct whether the rows equal the expected ones
   * @param error the error, null when answered
   */
  record Outcome(long startNanos, long endNanos, int query, Backend backend, boolean correct, SQLException error) {
    boolean answered() {
      return error == null;
    }
  }

  private final Failover failover;
  private final Connection connection;
  private final List<List<List<String>>> expected;
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Throwable crash;

  private QueryLoop(Failover failover, Connection connection, List<List<List<String>>> expected) {
    this.failover = failover;
    this.connection = connection;
    this.expected = expected;
    this.thread = new Thread(this::loop, "query-loop");
  }

  /** Computes the expected answers on the lake, checks each on ClickHouse once (warming both), and starts. */
  static QueryLoop start(Failover failover) throws SQLException {
    Connection connection = Sql.connect(failover.schema());
    List<List<List<String>>> expected = new ArrayList<>();
    for (String sql : Sql.QUERIES) {
      try (BackendChoice lake = failover.schema().bind(Backend.LAKE)) {
        expected.add(Sql.query(connection, sql));
      }
      try (FailoverResultSet rs = failover.executor().executeQuery(connection, sql)) {
        List<List<String>> rows = Sql.rows(rs);
        if (!rows.equals(expected.get(expected.size() - 1))) {
          throw new IllegalStateException("the backends disagree before the test started: " + sql);
        }
      }
    }
    QueryLoop loop = new QueryLoop(failover, connection, expected);
    loop.thread.start();
    return loop;
  }

  private void loop() {
    try {
      for (int i = 0; !stopped; i = (i + 1) % Sql.QUERIES.size()) {
        long start = System.nanoTime();
        try (FailoverResultSet rs = failover.executor().executeQuery(connection, Sql.QUERIES.get(i))) {
          List<List<String>> rows = Sql.rows(rs);
          outcomes.add(new Outcome(start, System.nanoTime(), i, rs.backend(), rows.equals(expected.get(i)), null));
          LOG.debug("query {} answered by {} in {} ms", i, rs.backend(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
          outcomes.add(new Outcome(start, System.nanoTime(), i, null, false, e));
          LOG.debug("query {} failed in {} ms: {}", i, (System.nanoTime() - start) / 1_000_000, e.toString());
        }
      }
    } catch (RuntimeException | Error e) {
      crash = e;
    }
  }

  /** The first outcome after {@code sinceNanos} that matches, waiting up to {@code timeout}. */
  Optional<Outcome> await(long sinceNanos, Predicate<Outcome> matching, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && crash == null) {
      for (Outcome outcome : outcomes) {
        if (outcome.endNanos() > sinceNanos && matching.test(outcome)) {
          return Optional.of(outcome);
        }
      }
      Thread.sleep(5);
    }
    return Optional.empty();
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  @Override
  public void close() throws SQLException {
    stopped = true;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the query loop", e);
    }
    connection.close();
    if (crash != null) {
      throw new IllegalStateException("the query loop crashed", crash);
    }
  }

}
