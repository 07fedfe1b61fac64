package io.lakegate.failover;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Optional;

/**
 * The {@link FailoverResultSet} behind {@link FailoverExecutor#executeQuery}: it counts the rows handed
 * out; when ClickHouse becomes unavailable before the first one it switches, transparently, to the same
 * statement run on the lake, and after one it fails with the {@code 08006} "incomplete" error. Every
 * other call goes to the current result set. Closing it closes the statement too.
 */
final class GuardedResultSet implements InvocationHandler {
  private final StatementRun<ResultSet, SQLException> run;
  private final FailoverExecutor executor;
  private final long abortsBefore;
  private ResultSet delegate;
  private Backend backend;
  private Optional<String> lakeReason;
  private long rows;

  private GuardedResultSet(Answer<ResultSet> answer, StatementRun<ResultSet, SQLException> run,
      FailoverExecutor executor) {
    this.run = run;
    this.executor = executor;
    this.abortsBefore = executor.aborts();
    this.delegate = answer.value();
    this.backend = answer.backend();
    this.lakeReason = answer.lakeReason();
  }

  static FailoverResultSet wrap(Answer<ResultSet> answer, StatementRun<ResultSet, SQLException> run,
      FailoverExecutor executor) {
    return (FailoverResultSet) Proxy.newProxyInstance(FailoverResultSet.class.getClassLoader(),
        new Class<?>[] {FailoverResultSet.class}, new GuardedResultSet(answer, run, executor));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
      case "backend":
        return backend;
      case "lakeReason":
        return lakeReason;
      case "next":
        return next();
      case "getWarnings":
        return warnings();
      case "close":
        close();
        return null;
      case "unwrap":
        if (arity == 1 && ((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        break;
      case "isWrapperFor":
        if (arity == 1 && ((Class<?>) args[0]).isInstance(proxy)) {
          return true;
        }
        break;
      default:
        break;
    }
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private boolean next() throws SQLException {
    try {
      boolean more = delegate.next();
      if (more) {
        rows++;
      }
      return more;
    } catch (SQLException | RuntimeException e) {
      if (backend != Backend.CLICKHOUSE) {
        throw e;
      }
      if (rows > 0) {
        Optional<SQLException> incomplete = executor.failureAfterRows(e, backend, rows);
        if (incomplete.isPresent()) {
          throw incomplete.get();
        }
        throw e;
      }
      Failure failure = executor.verdict(e, abortsBefore);
      if (!failure.unavailable()) {
        throw e;
      }
      closeQuietly(e);
      Answer<ResultSet> lake = executor.rerunOnLake(run, failure, e);
      delegate = lake.value();
      backend = lake.backend();
      lakeReason = lake.lakeReason();
      return next();
    }
  }

  private SQLWarning warnings() throws SQLException {
    SQLWarning own = delegate.getWarnings();
    if (backend != Backend.LAKE) {
      return own;
    }
    SQLWarning lake = new SQLWarning("lakegate: answered by the lake (" + lakeReason.orElse("") + ")", "01000");
    if (own != null) {
      lake.setNextWarning(own);
    }
    return lake;
  }

  private void close() throws SQLException {
    Statement statement = delegate.getStatement();
    try {
      delegate.close();
    } finally {
      if (statement != null) {
        statement.close();
      }
    }
  }

  private void closeQuietly(Exception cause) {
    try {
      close();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
