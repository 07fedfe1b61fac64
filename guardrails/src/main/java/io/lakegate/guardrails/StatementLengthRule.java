package io.lakegate.guardrails;

/**
 * Rejects a statement longer than the policy's {@code maxStatementLength} before it is parsed, so
 * that a megabyte of SQL costs a length check and nothing more.
 */
final class StatementLengthRule {
  private final int maxLength;

  StatementLengthRule(int maxLength) {
    this.maxLength = maxLength;
  }

  void check(String sql) {
    if (sql.length() > maxLength) {
      throw GuardrailRule.STATEMENT_LENGTH.violation("the statement has " + sql.length()
          + " characters, more than the " + maxLength + " allowed; shorten it (replace a long IN list by a range"
          + " or a join, or split the question into several queries)");
    }
  }
}
