package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.GuardrailMetrics;
import io.lakegate.guardrails.GuardrailRule;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica's Protobuf request handler, except that errors reach the caller without server stack
 * traces, and a request whose text is not UTF-8 is the guardrail ENCODING error (and counted).
 */
final class SanitizedProtobufHandler extends ProtobufHandler {
  private final ErrorMapper errors;
  private final GuardrailMetrics guardrails;
  private final ProtobufTranslation translation;
  private volatile Service.RpcMetadataResponse metadata;

  SanitizedProtobufHandler(Service service, ErrorMapper errors, GuardrailMetrics guardrails) {
    this(service, errors, guardrails, new ProtobufTranslationImpl());
  }

  private SanitizedProtobufHandler(Service service, ErrorMapper errors, GuardrailMetrics guardrails,
      ProtobufTranslation translation) {
    super(service, translation, NoopMetricsSystem.getInstance());
    this.errors = requireNonNull(errors, "errors");
    this.guardrails = requireNonNull(guardrails, "guardrails");
    this.translation = translation;
  }

  @Override
  public HandlerResponse<byte[]> convertToErrorResponse(Exception e) {
    if (ErrorResponses.notUtf8(e)) {
      guardrails.rejected(GuardrailRule.ENCODING);
    }
    try {
      return new HandlerResponse<>(translation.serializeResponse(ErrorResponses.of(e, errors, metadata)),
          HTTP_INTERNAL_SERVER_ERROR);
    } catch (IOException serialization) {
      throw new UncheckedIOException("cannot serialize an error response", serialization);
    }
  }

  @Override
  public void setRpcMetadata(Service.RpcMetadataResponse metadata) {
    super.setRpcMetadata(metadata);
    this.metadata = metadata;
  }
}
