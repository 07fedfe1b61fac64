package io.lakegate.server;

/**
 * The kinds of error a caller can receive, each with the SQLSTATE and vendor code the thin
 * driver puts into its {@code SQLException} ("Error 1002 (42S02) : ...").
 */
public enum ErrorKind {
  /** Avatica's own code 1 is kept: its client recognises a missing connection by it. */
  NO_SUCH_CONNECTION("08003", 1),
  CONNECTION_REJECTED("08004", 1001),
  PROTOCOL("08P01", 1002),
  SYNTAX("42000", 1101),
  UNKNOWN_TABLE("42S02", 1102),
  UNKNOWN_COLUMN("42S22", 1103),
  VALIDATION("42000", 1104),
  STATEMENT("HY000", 1105),
  /** Valid SQL the gateway cannot execute (no plan for it): feature not supported. */
  UNSUPPORTED("0A000", 1106),
  DATA("22000", 1201),
  DIVISION_BY_ZERO("22012", 1202),
  INVALID_CAST("22018", 1203),
  /** ClickHouse failed after rows were sent: the answer would be incomplete (re-running it uses the lake). */
  BACKEND_FAILED("08006", 1401),
  /** ClickHouse rejected a statement the gateway accepted (a dialect gap, or a value it cannot parse). */
  BACKEND_REJECTED("HY000", 1402),
  /** Every pooled ClickHouse connection stayed busy: retry; the breaker and the route are unchanged. */
  BACKEND_BUSY("53300", 1403),
  INTERNAL("XX000", 1999);

  private final String sqlState;
  private final int code;

  ErrorKind(String sqlState, int code) {
    this.sqlState = sqlState;
    this.code = code;
  }

  public String sqlState() {
    return sqlState;
  }

  public int code() {
    return code;
  }

  /** An error of this kind with {@code message} (made one line). */
  public GatewayError error(String message) {
    return new GatewayError(sqlState, code, message);
  }
}
