package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One JDBC connection used the way an agent's tool uses one: a new statement per query, every row
 * and value read, the statement closed. The same code drives the thin driver, clickhouse-jdbc and
 * DuckDB, so that only the engine differs between subjects.
 */
public final class JdbcClient implements AutoCloseable {
  private final String name;
  private final Connection connection;

  public JdbcClient(String name, Connection connection) {
    this.name = requireNonNull(name, "name");
    this.connection = requireNonNull(connection, "connection");
  }

  public String name() {
    return name;
  }

  public Connection connection() {
    return connection;
  }

  /** Runs one query and reads its whole answer. */
  public QueryResult query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return new QueryResult(ResultRows.read(rs), 1);
    }
  }

  /** Runs statements one after the other (a replay of what the gateway sent); the answer is the last one's. */
  public QueryResult queries(List<String> statements) throws SQLException {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("no statement to run");
    }
    QueryResult last = null;
    for (String sql : statements) {
      last = query(sql);
    }
    return new QueryResult(last.rows(), statements.size());
  }

  /**
   * Prepares (plans) a statement without running it and closes it; returns the nanoseconds the prepare
   * alone took (closing it is another round trip, not counted).
   */
  public long prepareNanos(String sql) throws SQLException {
    long start = System.nanoTime();
    PreparedStatement statement = connection.prepareStatement(sql);
    long elapsed = System.nanoTime() - start;
    statement.close();
    return elapsed;
  }

  /** Runs a statement that returns no rows we need (session setup, DDL of a reference engine). */
  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
