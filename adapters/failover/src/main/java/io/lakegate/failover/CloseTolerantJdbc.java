package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements and result sets of a tracked ClickHouse connection, made safe for Calcite's JDBC
 * enumerator, which closes result set, statement and connection in one try block and ignores what fails:
 * clickhouse-jdbc's {@code ResultSet.close()} rethrows the failure to close a broken response (ClickHouse
 * killed or aborted mid-result), so the statement and the pooled connection behind it were never closed
 * and the connection stayed borrowed from the pool for ever. Here a result set's close failure is logged
 * and the close carries on, and {@code getStatement()}/{@code getConnection()} lead back to the tracked
 * objects, so Calcite's close reaches the tracked connection.
 */
final class CloseTolerantJdbc {
  private static final Logger LOG = LoggerFactory.getLogger(CloseTolerantJdbc.class);

  private CloseTolerantJdbc() {
  }

  /** {@code value} returned by a method of {@code owner}, wrapped when it is a statement or a result set. */
  static Object wrap(Object value, Object owner) {
    if (value instanceof Statement statement && owner instanceof Connection connection) {
      return statement(statement, connection);
    }
    if (value instanceof ResultSet resultSet && owner instanceof Statement statement) {
      return resultSet(resultSet, statement);
    }
    return value;
  }

  private static Statement statement(Statement statement, Connection connection) {
    Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
        : statement instanceof PreparedStatement ? PreparedStatement.class
        : Statement.class;
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
        new Handler(statement, connection));
  }

  private static ResultSet resultSet(ResultSet resultSet, Statement statement) {
    return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        new Handler(resultSet, statement));
  }

  /** Passes every call on; answers {@code getConnection}/{@code getStatement} with its owner, and closes tolerantly. */
  private static final class Handler implements InvocationHandler {
    private final Object target;
    private final Object owner;

    Handler(Object target, Object owner) {
      this.target = requireNonNull(target, "target");
      this.owner = requireNonNull(owner, "owner");
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      int arity = args == null ? 0 : args.length;
      String name = method.getName();
      if (arity == 0 && (name.equals("getConnection") && target instanceof Statement
          || name.equals("getStatement") && target instanceof ResultSet)) {
        return owner;
      }
      if (arity == 0 && name.equals("close") && target instanceof ResultSet resultSet) {
        closeTolerantly(resultSet);
        return null;
      }
      try {
        return wrap(method.invoke(target, args), proxy);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private static void closeTolerantly(ResultSet resultSet) {
      try {
        resultSet.close();
      } catch (SQLException | RuntimeException e) {
        // The response was broken already; what matters is that its statement and connection close next.
        LOG.debug("closing a ClickHouse result failed ({}); closing its statement and connection all the same",
            e.toString());
      }
    }
  }
}
