package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.QueryExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.apache.commons.dbcp2.DelegatingConnection;

/**
 * A pooled ClickHouse connection whose statements, when created for a query execution (the
 * thread's {@link QueryExecution}), carry that execution's deadline ({@link StatementDeadline}).
 * Statements created outside an execution are the driver's own. Calcite's JDBC adapter creates one
 * statement per pushed-down query, with {@code createStatement()} or, when the query has dynamic
 * parameters, {@code prepareStatement(sql)}.
 */
final class DeadlineConnection extends DelegatingConnection<Connection> {
  private final StatementDeadline deadline;

  DeadlineConnection(Connection pooled, StatementDeadline deadline) {
    super(requireNonNull(pooled, "pooled"));
    this.deadline = requireNonNull(deadline, "deadline");
  }

  @Override
  public Statement createStatement() throws SQLException {
    return withDeadline(super.createStatement());
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return withDeadline(super.prepareStatement(sql));
  }

  private <S extends Statement> S withDeadline(S statement) throws SQLException {
    Optional<QueryExecution> execution = QueryExecution.current();
    if (statement == null || execution.isEmpty()) {
      return statement;
    }
    try {
      deadline.apply(statement, execution.get());
      return statement;
    } catch (SQLException | RuntimeException e) {
      try {
        statement.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }
}
