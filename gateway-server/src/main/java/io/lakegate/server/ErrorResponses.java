package io.lakegate.server;

import io.lakegate.guardrails.GuardrailRule;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.slf4j.Logger;

import com.google.protobuf.InvalidProtocolBufferException;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link ErrorResponse} a caller receives: SQLSTATE, code and one-line message, and an
 * empty exception list where Avatica would put the server's stack traces.
 */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  /** protobuf-java's message for a string field that is not UTF-8 (the same since protobuf 2; pinned by the e2e corpus). */
  private static final String INVALID_UTF8 = "Protocol message had invalid UTF-8.";

  private ErrorResponses() {
  }

  /** The response for a request that failed with {@code e}; internal failures are logged with their trace under a new id. */
  static ErrorResponse of(Exception e, ErrorMapper errors, RpcMetadataResponse metadata) {
    GatewayError error;
    if (notUtf8(e)) {
      error = GatewayError.of(GuardrailRule.ENCODING.violation("a text field of the Protobuf request is not valid"
          + " UTF-8; send the statement as UTF-8"));
      LOG.debug("request refused: {}", error.message());
    } else if (e instanceof IOException) {
      // Only the handler's decoding throws IOException: the request itself is malformed.
      error = ErrorKind.PROTOCOL.error("malformed Avatica request: " + firstLine(e.getMessage()));
      LOG.debug("malformed request: {}", error.message());
    } else if (e instanceof AvaticaRuntimeException decided) {
      // Mapped where it happened (a query error is already in the query log, with its trace if internal).
      error = new GatewayError(decided.getSqlState(), decided.getErrorCode(), decided.getErrorMessage());
    } else {
      String errorId = UUID.randomUUID().toString();
      error = errors.map(e, errorId);
      if (error.internal()) {
        LOG.error("request failed inside the gateway (id {})", errorId, e);
      } else {
        LOG.debug("request rejected: {}", error.message());
      }
    }
    // Avatica's client requires a non-null exception list; an empty one carries no server frames.
    return new ErrorResponse(List.of(), error.message(), error.code(), error.sqlState(), AvaticaSeverity.ERROR,
        metadata);
  }

  /** Whether {@code e} is Protobuf's refusal of a string field that is not UTF-8 (its one message for it). */
  static boolean notUtf8(Exception e) {
    return e instanceof InvalidProtocolBufferException
        && INVALID_UTF8.equals(e.getMessage());
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
