package io.lakegate.guardrails;

/**
 * The guardrail rules that reject a statement, each with the SQLSTATE and vendor code the caller's
 * {@code SQLException} carries; both are stable, so callers and tests may rely on them.
 */
public enum GuardrailRule {
  /** Larger than the policy's {@code maxStatementLength}: SQLSTATE "program limit exceeded". */
  STATEMENT_LENGTH("54000", 1301),
  /** More than one statement in one request. */
  SINGLE_STATEMENT("42000", 1302),
  /** Anything but a query: DML, DDL, SET/ALTER SESSION, CALL, DESCRIBE, ...: "read-only SQL-transaction". */
  READ_ONLY("25006", 1303),
  /** EXPLAIN when the policy forbids it, or a form other than {@code EXPLAIN PLAN FOR <query>}. */
  EXPLAIN("42501", 1304),
  /** Nested too deeply or too many parts (huge IN lists): "statement too complex". */
  COMPLEXITY("54001", 1305),
  /** A table, schema or column outside the policy's allowlist: "insufficient privilege". */
  ALLOWLIST("42501", 1306),
  /** A table function, user-defined or external function. */
  FUNCTION("42501", 1307),
  /**
   * A LIMIT, FETCH or OFFSET beyond the range of BIGINT: "numeric value out of range". (A limit within
   * the range never fails: it is kept or lowered, see {@link RowLimitRule}.)
   */
  ROW_LIMIT("22003", 1309),
  /** The query ran longer than its timeout and was stopped: "query canceled". */
  TIMEOUT("57014", 1308),
  /** A connection property the gateway does not accept (or a timeout longer than the policy's). */
  CONNECTION_PROPERTY("08004", 1001),
  /** A request whose text is not valid UTF-8: "character not in repertoire". */
  ENCODING("22021", 1310);

  private final String sqlState;
  private final int code;

  GuardrailRule(String sqlState, int code) {
    this.sqlState = sqlState;
    this.code = code;
  }

  public String sqlState() {
    return sqlState;
  }

  public int code() {
    return code;
  }

  /** A violation of this rule; {@code problem} says what is wrong and how to fix the statement. */
  public GuardrailViolation violation(String problem) {
    return new GuardrailViolation(this, problem);
  }
}
