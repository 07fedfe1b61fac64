package io.lakegate.failover;

/** What a failed ClickHouse statement means for failover. */
public enum FailureKind {
  /** ClickHouse could not be reached or stopped answering: the lake may answer instead. */
  BACKEND_UNAVAILABLE,
  /** ClickHouse answered with an error about the statement itself: the caller's error, not retried. */
  QUERY_ERROR,
  /** Anything else (a bug, a conversion error in the gateway): not retried. */
  OTHER
}
