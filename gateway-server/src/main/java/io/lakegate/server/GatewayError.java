package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.GuardrailViolation;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * An error as the caller sees it: SQLSTATE, vendor code and one line naming the problem.
 * Never carries a stack trace; the full exception stays in the server log.
 */
public record GatewayError(String sqlState, int code, String message) {
  public GatewayError {
    requireNonNull(sqlState, "sqlState");
    message = oneLine(requireNonNull(message, "message"));
  }

  /** The error a guardrail's rejection is to the caller: its rule's SQLSTATE, code and message. */
  public static GatewayError of(GuardrailViolation violation) {
    return new GatewayError(violation.sqlState(), violation.code(), violation.getMessage());
  }

  /** Whether this is the generic answer to a failure of the gateway itself (its trace is logged). */
  public boolean internal() {
    return ErrorKind.INTERNAL.sqlState().equals(sqlState);
  }

  /**
   * The exception Avatica turns into an {@code ErrorResponse} with exactly this message,
   * SQLSTATE and code.
   */
  public AvaticaRuntimeException toException() {
    return new AvaticaRuntimeException(message, code, sqlState, AvaticaSeverity.ERROR);
  }

  /** Collapses newlines and runs of blanks, so a message is always one line. */
  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
