package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.QueryExecution;

import com.clickhouse.jdbc.StatementImpl;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a statement about to be sent to ClickHouse the deadline of the query execution it belongs
 * to, so that the query stops on the server and not only in the gateway:
 *
 * <ul>
 *   <li>ClickHouse's {@code max_execution_time} for this statement alone (clickhouse-jdbc's
 *       per-statement settings) is the time the execution has left, to the millisecond (ClickHouse
 *       takes fractional seconds), rounded up so that ClickHouse never stops a query before the
 *       gateway's deadline, and never above the configured {@code maxExecutionTimeSeconds};
 *   <li>{@code Statement.cancel()} runs at the deadline: clickhouse-jdbc sends
 *       {@code KILL QUERY WHERE query_id = '<the statement's id>'} on a connection of its own, ClickHouse
 *       answers the waiting request with error 394, and no gateway thread waits for the query.
 * </ul>
 *
 * <p>JDBC's own {@code setQueryTimeout} is not used: it takes whole seconds only.
 */
final class StatementDeadline {
  private static final Logger LOG = LoggerFactory.getLogger(StatementDeadline.class);
  static final String MAX_EXECUTION_TIME = "max_execution_time";

  private final Duration limit;

  /** @param limit the configured limit of any statement ({@code maxExecutionTimeSeconds}) */
  StatementDeadline(Duration limit) {
    this.limit = requireNonNull(limit, "limit");
  }

  /**
   * Applies the execution's deadline to {@code statement} (a clickhouse-jdbc statement, possibly
   * behind pool wrappers).
   *
   * @throws SQLTimeoutException when the deadline has already passed (nothing is sent)
   */
  void apply(Statement statement, QueryExecution execution) throws SQLException {
    Duration remaining = execution.remaining();
    if (remaining.isNegative() || remaining.isZero()) {
      throw new SQLTimeoutException("the query reached its " + execution.timeoutMs() + " ms timeout before its"
          + " ClickHouse statement was sent");
    }
    StatementImpl clickhouse = statement.unwrap(StatementImpl.class);
    clickhouse.getLocalSettings().serverSetting(MAX_EXECUTION_TIME, seconds(Math.min(ceilMillis(remaining),
        limit.toMillis())));
    execution.onTimeout(() -> cancel(clickhouse, execution));
  }

  /** Milliseconds as ClickHouse's seconds with a fraction ({@code 950} → {@code 0.950}). */
  static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).toPlainString();
  }

  private static long ceilMillis(Duration duration) {
    long millis = duration.toMillis();
    return duration.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  private static void cancel(StatementImpl statement, QueryExecution execution) {
    try {
      // A statement already closed (the query ended meanwhile) cancels nothing.
      statement.cancel();
      LOG.debug("query id={} reached its deadline: its ClickHouse query {} was cancelled", execution.id(),
          statement.getLastQueryId());
    } catch (SQLException e) {
      LOG.warn("query id={} reached its deadline but its ClickHouse query {} could not be cancelled ({}); ClickHouse"
          + " stops it at its max_execution_time", execution.id(), statement.getLastQueryId(), e.getMessage());
    }
  }
}
