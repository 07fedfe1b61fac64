package io.lakegate.failover;

/** The backend that answers a statement: ClickHouse (pushdown) or the lake read in the gateway. */
public enum Backend {
  CLICKHOUSE("clickhouse"),
  LAKE("lake");

  private final String id;

  Backend(String id) {
    this.id = id;
  }

  /** The name used in logs, metrics and the caller's warning: {@code clickhouse} or {@code lake}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
