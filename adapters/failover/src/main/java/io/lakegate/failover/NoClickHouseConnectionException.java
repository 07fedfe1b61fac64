package io.lakegate.failover;

import java.sql.SQLTransientConnectionException;

/**
 * The ClickHouse pool could not hand out a connection (it could not open one, or none came free in
 * time); thrown in place of the pool's own exception so that the failure is recognised as ClickHouse
 * being unavailable whatever words the pool used.
 */
public final class NoClickHouseConnectionException extends SQLTransientConnectionException {
  private static final long serialVersionUID = 1L;

  NoClickHouseConnectionException(String message, Throwable cause) {
    super(message, "08001", cause);
  }
}
