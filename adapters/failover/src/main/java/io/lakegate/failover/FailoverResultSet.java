package io.lakegate.failover;

import java.sql.ResultSet;
import java.util.Optional;

/**
 * A result set from {@link FailoverExecutor#executeQuery} that says which backend answered. When the
 * lake answered, {@link #getWarnings()} also starts with an {@code SQLWarning} (SQLSTATE {@code 01000})
 * naming the lake and why, so a plain JDBC caller sees it too.
 */
public interface FailoverResultSet extends ResultSet {
  /** The backend whose rows this result set returns. */
  Backend backend();

  /** Why the lake answered; empty when ClickHouse did. */
  Optional<String> lakeReason();
}
