package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The data context of one execution, as Calcite's generated code and the backends' scans read it,
 * with the execution's own cancel flag ({@code cancelFlag}) and timeout ({@code timeout}, ms) from
 * its {@link QueryDeadline}; every other variable comes from the connection's context.
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
      return deadline.timeoutMs();
    }
    return delegate.get(name);
  }
}
