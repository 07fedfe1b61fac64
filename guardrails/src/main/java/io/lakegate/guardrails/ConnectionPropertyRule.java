package io.lakegate.guardrails;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which connection properties a client may send. Avatica's {@code JdbcMeta} would merge them over
 * the server's Calcite properties, so a client could replace the schema ({@code model},
 * {@code schemaFactory}, {@code schema}) or the SQL dialect ({@code fun}, {@code lex}) and every
 * guardrail with it; only an explicit list of harmless properties is accepted. One of them,
 * {@value #TIMEOUT_PROPERTY}, shortens the query timeout of the connection; it can never lengthen it.
 */
final class ConnectionPropertyRule {
  static final String TIMEOUT_PROPERTY = "lakegate.timeout_ms";
  /** {@code user} names the caller in the query log; {@code password} is accepted and ignored (no authentication yet). */
  static final List<String> ALLOWED = List.of("user", "password", TIMEOUT_PROPERTY);

  private final long policyTimeoutMs;

  ConnectionPropertyRule(long policyTimeoutMs) {
    this.policyTimeoutMs = policyTimeoutMs;
  }

  /** The session the properties ask for. */
  GuardrailSession check(Map<String, String> properties) {
    if (properties == null || properties.isEmpty()) {
      return new GuardrailSession(policyTimeoutMs);
    }
    List<String> rejected = properties.keySet().stream().filter(name -> !ALLOWED.contains(name)).sorted().toList();
    if (!rejected.isEmpty()) {
      String names = rejected.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
      throw GuardrailRule.CONNECTION_PROPERTY.violation((rejected.size() == 1
          ? "connection property " + names + " is not allowed"
          : "connection properties " + names + " are not allowed") + "; allowed: " + String.join(", ", ALLOWED));
    }
    String timeout = properties.get(TIMEOUT_PROPERTY);
    return new GuardrailSession(timeout == null ? policyTimeoutMs : timeoutMs(timeout.strip()));
  }

  private long timeoutMs(String text) {
    long value;
    try {
      value = text.matches("[0-9]{1,10}") ? Long.parseLong(text) : -1;
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value > policyTimeoutMs) {
      throw GuardrailRule.CONNECTION_PROPERTY.violation(TIMEOUT_PROPERTY + "=" + text + " is longer than the"
          + " gateway's query timeout of " + policyTimeoutMs + " ms; a connection may only shorten it (1 to "
          + policyTimeoutMs + ")");
    }
    if (value < 1) {
      throw GuardrailRule.CONNECTION_PROPERTY.violation(TIMEOUT_PROPERTY + " must be a whole number of milliseconds"
          + " from 1 to " + policyTimeoutMs + ", not '" + text + "'");
    }
    return value;
  }
}
