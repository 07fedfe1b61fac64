package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

import org.apache.calcite.schema.Table;

/**
 * The backend one statement is planned for, bound to the thread that prepares it: every table of the
 * {@link FailoverSchema} reached while the binding is open becomes that backend's table, so one
 * statement never mixes backends. Bound by {@link FailoverSchema#bind} with try-with-resources around
 * the prepare (and, in the executor, the execution that follows it on the same thread); closing restores
 * the binding that was there before.
 */
public final class BackendChoice implements AutoCloseable {
  private static final ThreadLocal<BackendChoice> CURRENT = new ThreadLocal<>();

  private final FailoverSchema owner;
  private final Backend backend;
  private final Map<String, Table> tables;
  private final BackendChoice previous;
  private final Thread thread;
  private boolean closed;

  private BackendChoice(FailoverSchema owner, Backend backend, Map<String, Table> tables, BackendChoice previous) {
    this.owner = owner;
    this.backend = backend;
    this.tables = tables;
    this.previous = previous;
    this.thread = Thread.currentThread();
  }

  static BackendChoice bind(FailoverSchema owner, Backend backend, Map<String, Table> tables) {
    requireNonNull(owner, "owner");
    requireNonNull(backend, "backend");
    requireNonNull(tables, "tables");
    BackendChoice choice = new BackendChoice(owner, backend, tables, CURRENT.get());
    CURRENT.set(choice);
    return choice;
  }

  /** The binding of this thread for {@code owner}'s tables, if any. */
  static Optional<BackendChoice> current(FailoverSchema owner) {
    for (BackendChoice choice = CURRENT.get(); choice != null; choice = choice.previous) {
      if (choice.owner == owner) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }

  public Backend backend() {
    return backend;
  }

  /** The bound backend's table called {@code name}. */
  Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw new IllegalStateException("backend " + backend + " has no table " + name);
    }
    return table;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread || CURRENT.get() != this) {
      throw new IllegalStateException("a backend binding must be closed by its thread, innermost first");
    }
    closed = true;
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
