package io.lakegate.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A well-behaved client that keeps querying while a test throws attacks at the same gateway, and
 * records every error and every wrong answer it sees (there must be none).
 */
final class ParallelClient implements AutoCloseable {
  /** A connection source (the thin driver against the gateway under test). */
  interface Connector {
    Connection connect() throws SQLException;
  }

  private static final String SQL = "select count(*) from commission_history";

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong queries = new AtomicLong();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Thread thread;

  private ParallelClient(Connector connector, long expected) {
    thread = new Thread(() -> loop(connector, expected), "corpus-parallel-client");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts the loop; the answer of its first query is the one every later query must give. */
  static ParallelClient start(Connector connector) throws SQLException {
    try (Connection connection = connector.connect()) {
      return new ParallelClient(connector, count(connection));
    }
  }

  long queries() {
    return queries.get();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  private void loop(Connector connector, long expected) {
    while (running.get()) {
      try (Connection connection = connector.connect()) {
        for (int i = 0; i < 20 && running.get(); i++) {
          long count = count(connection);
          queries.incrementAndGet();
          if (count != expected) {
            problems.add("wrong answer " + count + " instead of " + expected);
          }
          // A client at a human pace: the machine's two cores are shared with the attacks under test.
          TimeUnit.MILLISECONDS.sleep(25);
        }
      } catch (SQLException | RuntimeException e) {
        problems.add(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SQL)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
