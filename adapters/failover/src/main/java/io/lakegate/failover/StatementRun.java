package io.lakegate.failover;

/**
 * One statement's work on a given backend (prepare, execute, read what is sent first), run by the
 * {@link FailoverExecutor} with the backend bound; it may run twice, on ClickHouse and then on the lake.
 *
 * @param <T> what the work returns (a result set, Avatica's execute result, ...)
 * @param <E> the checked exception it throws
 */
@FunctionalInterface
public interface StatementRun<T, E extends Exception> {
  T run(Backend backend) throws E;
}
