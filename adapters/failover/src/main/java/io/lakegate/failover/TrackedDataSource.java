package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.NoSuchElementException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The ClickHouse pool as pushed-down statements see it: every connection it hands out is registered
 * in {@link OpenConnections} until closed, its statements and result sets close tolerantly
 * ({@link CloseTolerantJdbc}, so that a broken result never keeps its connection borrowed), and a pool that
 * cannot hand one out throws {@link NoClickHouseConnectionException} (whatever the pool's own words were),
 * so both can be acted on by failover.
 */
final class TrackedDataSource implements DataSource {
  private static final Method CLOSE = method("close");

  private final DataSource pool;
  private final OpenConnections open;

  TrackedDataSource(DataSource pool, OpenConnections open) {
    this.pool = requireNonNull(pool, "pool");
    this.open = requireNonNull(open, "open");
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException e) {
      if (e.getCause() instanceof NoSuchElementException) {
        // DBCP's pool timed out waiting for a connection to come back: busy, not down.
        throw new ClickHouseBusyException("all ClickHouse connections of the gateway stayed busy for as long as a"
            + " query may wait; run the query again in a moment (an operator can raise clickhouse.poolSize)", e);
      }
      throw new NoClickHouseConnectionException("cannot get a ClickHouse connection: " + e.getMessage(), e);
    }
    open.add(connection);
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Tracking(connection));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the ClickHouse pool has one user, set in model.json");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool.isWrapperFor(type);
  }

  private static Method method(String name) {
    try {
      return Connection.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("java.sql.Connection has no " + name + "()", e);
    }
  }

  /** Passes every call to the pooled connection, and forgets it when it is closed. */
  private final class Tracking implements InvocationHandler {
    private final Connection connection;

    Tracking(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.equals(CLOSE)) {
        open.remove(connection);
      }
      try {
        return CloseTolerantJdbc.wrap(method.invoke(connection, args), proxy);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
