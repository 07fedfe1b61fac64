package io.lakegate.guardrails;

/**
 * The guardrail settings of one client connection, fixed when it opens: the policy's, except for a
 * timeout the client asked to shorten.
 *
 * @param timeoutMs the query timeout of the connection's statements
 */
public record GuardrailSession(long timeoutMs) {
  public GuardrailSession {
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("timeoutMs must be at least 1, not " + timeoutMs);
    }
  }
}
