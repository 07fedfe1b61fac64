package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The data context of one execution, as Calcite's generated code and the backends' scans read it,
 * with the execution's own cancel flag ({@code cancelFlag}) from its {@link QueryDeadline} and no
 * client-side timeout ({@code timeout} is 0); every other variable comes from the connection's context.
 *
 * <p>Calcite's JDBC adapter would turn a {@code timeout} into {@code Statement.setQueryTimeout} in
 * whole seconds, rounded down, and refuse to send a statement with less than a second left (so a
 * 1000 ms timeout could never reach ClickHouse); the deadline reaches backends through
 * {@link QueryExecution} instead, to the millisecond.
 */
final class DeadlineDataContext implements DataContext {
  private final DataContext delegate;
  private final QueryDeadline deadline;

  DeadlineDataContext(DataContext delegate, QueryDeadline deadline) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.deadline = requireNonNull(deadline, "deadline");
  }

  @Override
  public @Nullable SchemaPlus getRootSchema() {
    return delegate.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return delegate.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return delegate.getQueryProvider();
  }

  @Override
  public @Nullable Object get(String name) {
    if (Variable.CANCEL_FLAG.camelName.equals(name)) {
      return deadline.cancelFlag();
    }
    if (Variable.TIMEOUT.camelName.equals(name)) {
      return 0L;
    }
    return delegate.get(name);
  }
}
