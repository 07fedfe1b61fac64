package io.lakegate.failover;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/** The error of a statement whose ClickHouse result broke off after rows had reached the caller. */
final class IncompleteAnswer {
  /** SQLSTATE class 08 (connection exception), 08006 "connection failure". */
  static final String SQL_STATE = "08006";

  private IncompleteAnswer() {
  }

  static SQLException of(long rowsSent, Failure failure, Throwable cause) {
    return new SQLNonTransientConnectionException("ClickHouse failed after " + rowsSent + " rows were sent ("
        + failure.reason() + "); the answer would be incomplete, so it is not returned — run the query again "
        + "(it will be answered from the lake while ClickHouse is down)", SQL_STATE, cause);
  }
}
