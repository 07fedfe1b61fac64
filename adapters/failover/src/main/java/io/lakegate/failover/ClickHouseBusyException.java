package io.lakegate.failover;

import java.sql.SQLTransientException;

/**
 * Every pooled ClickHouse connection stayed in use for as long as a statement may wait for one: the
 * gateway is busier than its pool ({@code clickhouse.poolSize}), which says nothing about ClickHouse's
 * health, so it neither moves traffic to the lake nor re-runs the statement there.
 */
public final class ClickHouseBusyException extends SQLTransientException {
  private static final long serialVersionUID = 1L;
  /** PostgreSQL's {@code too_many_connections} (class 53, insufficient resources). */
  public static final String SQL_STATE = "53300";

  public ClickHouseBusyException(String message, Throwable cause) {
    super(message, SQL_STATE, cause);
  }
}
