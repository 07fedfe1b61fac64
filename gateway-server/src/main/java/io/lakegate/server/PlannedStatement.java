package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.Backend;

import java.sql.PreparedStatement;

import org.apache.calcite.avatica.jdbc.StatementInfo;

/**
 * Avatica's entry for a statement the gateway prepared, which also keeps what a failover needs to plan
 * it again on the other backend and to close the plan it replaces: the Calcite statement (Avatica's
 * own field for it is not visible outside its package), its text, its row limit and the backend it was
 * planned for.
 */
final class PlannedStatement extends StatementInfo {
  private final PreparedStatement statement;
  private final String sql;
  private final long maxRowCount;
  private final Backend backend;

  PlannedStatement(PreparedStatement statement, String sql, long maxRowCount, Backend backend) {
    super(requireNonNull(statement, "statement"));
    this.statement = statement;
    this.sql = requireNonNull(sql, "sql");
    this.maxRowCount = maxRowCount;
    this.backend = requireNonNull(backend, "backend");
  }

  PreparedStatement statement() {
    return statement;
  }

  String sql() {
    return sql;
  }

  /** The row limit the client prepared it with (Avatica's meaning: 0 none, -1 unlimited). */
  long maxRowCount() {
    return maxRowCount;
  }

  Backend backend() {
    return backend;
  }
}
