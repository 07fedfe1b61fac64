package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

/**
 * A statement (or connection) rejected by a guardrail rule. Its message starts with
 * {@code guardrail RULE:} and says what to change; it is meant for the caller as it is.
 */
public final class GuardrailViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final GuardrailRule rule;

  GuardrailViolation(GuardrailRule rule, String problem) {
    super("guardrail " + requireNonNull(rule, "rule").name() + ": " + requireNonNull(problem, "problem"));
    this.rule = rule;
  }

  public GuardrailRule rule() {
    return rule;
  }

  public String sqlState() {
    return rule.sqlState();
  }

  public int code() {
    return rule.code();
  }
}
