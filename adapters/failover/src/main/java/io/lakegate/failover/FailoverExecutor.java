package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements on ClickHouse while the breaker is closed and on the lake otherwise, and re-runs on
 * the lake, transparently, a statement whose ClickHouse run failed because ClickHouse is unavailable
 * before any row reached the caller. A statement that ClickHouse rejects (a ClickHouse error code) is the
 * caller's error and is rethrown as it is; one whose ClickHouse result breaks off after rows were sent
 * fails with an {@code 08006} error saying so ({@link #failureAfterRows}), never with a truncated answer.
 *
 * <p>The gateway calls {@link #call} around prepare + execute + its first frame, and
 * {@link #failureAfterRows} when a later fetch fails; {@link #executeQuery} does both for an in-process
 * JDBC caller. Every answer says which {@link Backend} produced it.
 */
public final class FailoverExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverExecutor.class);

  private final FailoverSchema schema;
  private final Optional<CircuitBreaker> breaker;
  private final OpenConnections connections;
  private final FailoverMetrics metrics;

  FailoverExecutor(FailoverSchema schema, Optional<CircuitBreaker> breaker, OpenConnections connections,
      FailoverMetrics metrics) {
    this.schema = requireNonNull(schema, "schema");
    this.breaker = requireNonNull(breaker, "breaker");
    this.connections = requireNonNull(connections, "connections");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /**
   * Runs {@code run} on the backend the breaker allows, with that backend bound for the statement; when
   * the ClickHouse run fails because ClickHouse is unavailable, runs it again on the lake and returns
   * that. Whatever {@code run} returns counts as handed to the caller: a failure after it returned is
   * {@link #failureAfterRows}'s business.
   */
  @SuppressWarnings("try") // the binding is used by the planner, not in the block
  public <T, E extends Exception> Answer<T> call(StatementRun<T, E> run) throws E {
    requireNonNull(run, "run");
    if (schema.route() == Backend.LAKE) {
      return onLake(run, lakeReason());
    }
    long abortsBefore = connections.aborts();
    T value;
    try (BackendChoice choice = schema.bind(Backend.CLICKHOUSE)) {
      value = run.run(Backend.CLICKHOUSE);
    } catch (Exception e) {
      Failure failure = verdict(e, abortsBefore);
      if (!failure.unavailable()) {
        if (failure.kind() == FailureKind.QUERY_ERROR) {
          metrics.clickhouseQueryError();
        }
        throw e;
      }
      return rerunOnLake(run, failure, e);
    }
    metrics.answered(Backend.CLICKHOUSE);
    return new Answer<>(value, Backend.CLICKHOUSE, Optional.empty());
  }

  /**
   * Runs {@code run} on the lake after ClickHouse failed with {@code failure}; the breaker hears of it.
   * A failure of the lake run carries the ClickHouse failure as suppressed.
   */
  <T, E extends Exception> Answer<T> rerunOnLake(StatementRun<T, E> run, Failure failure, Throwable clickhouseError)
      throws E {
    breaker.ifPresent(b -> b.report(failure));
    metrics.rerunOnLake();
    LOG.debug("statement failed on clickhouse ({}), re-running it on the lake", failure.reason());
    try {
      return onLake(run, "clickhouse failed: " + failure.reason());
    } catch (Exception e) {
      e.addSuppressed(clickhouseError);
      throw e;
    }
  }

  @SuppressWarnings("try") // the binding is used by the planner, not in the block
  private <T, E extends Exception> Answer<T> onLake(StatementRun<T, E> run, String reason) throws E {
    T value;
    try (BackendChoice choice = schema.bind(Backend.LAKE)) {
      value = run.run(Backend.LAKE);
    }
    metrics.answered(Backend.LAKE);
    return new Answer<>(value, Backend.LAKE, Optional.of(reason));
  }

  /**
   * The error to give the caller when reading a result failed after {@code rowsSent} rows had been sent:
   * for a ClickHouse result broken off because ClickHouse became unavailable (or was given up by the
   * breaker), an {@code 08006} error that says the answer would be incomplete; empty otherwise (pass the
   * original error on).
   */
  public Optional<SQLException> failureAfterRows(Throwable failure, Backend backend, long rowsSent) {
    requireNonNull(failure, "failure");
    requireNonNull(backend, "backend");
    if (backend != Backend.CLICKHOUSE) {
      return Optional.empty();
    }
    Failure classified = FailureClassifier.classify(failure);
    boolean givenUp = classified.kind() == FailureKind.OTHER && breaker.map(b -> !b.isClosed()).orElse(false);
    if (!classified.unavailable() && !givenUp) {
      return Optional.empty();
    }
    Failure verdict = classified.unavailable() ? classified : Failure.unavailable("aborted: " + lakeReason(), true);
    breaker.ifPresent(b -> b.report(verdict));
    metrics.failedAfterRows();
    return Optional.of(IncompleteAnswer.of(rowsSent, verdict, failure));
  }

  /**
   * For an in-process JDBC caller: runs {@code sql} on {@code connection} (a Calcite connection whose
   * schema is the {@link FailoverSchema}) with failover, including a ClickHouse failure at the first
   * row; the result set tells which backend answered and carries a warning when the lake did.
   */
  public FailoverResultSet executeQuery(Connection connection, String sql) throws SQLException {
    requireNonNull(connection, "connection");
    requireNonNull(sql, "sql");
    StatementRun<ResultSet, SQLException> run = backend -> query(connection, sql);
    return GuardedResultSet.wrap(call(run), run, this);
  }

  private static ResultSet query(Connection connection, String sql) throws SQLException {
    Statement statement = connection.createStatement();
    try {
      return statement.executeQuery(sql);
    } catch (SQLException | RuntimeException e) {
      try {
        statement.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The classifier's verdict, except that any failure of a statement whose connection was aborted is an outage. */
  Failure verdict(Throwable failure, long abortsBefore) {
    Failure verdict = FailureClassifier.classify(failure);
    if (!verdict.unavailable() && connections.aborts() != abortsBefore) {
      return Failure.unavailable("aborted: " + lakeReason(), true);
    }
    return verdict;
  }

  long aborts() {
    return connections.aborts();
  }

  private String lakeReason() {
    if (breaker.isEmpty()) {
      return "no ClickHouse is configured";
    }
    return breaker.get().openReason().map(reason -> "clickhouse unavailable: " + reason)
        .orElse("clickhouse unavailable");
  }
}
