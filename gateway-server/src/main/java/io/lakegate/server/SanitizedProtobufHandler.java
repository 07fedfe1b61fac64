package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/** Avatica's Protobuf request handler, except that errors reach the caller without server stack traces. */
final class SanitizedProtobufHandler extends ProtobufHandler {
  private final ErrorMapper errors;
  private final ProtobufTranslation translation;
  private volatile Service.RpcMetadataResponse metadata;

  SanitizedProtobufHandler(Service service, ErrorMapper errors) {
    this(service, errors, new ProtobufTranslationImpl());
  }

  private SanitizedProtobufHandler(Service service, ErrorMapper errors, ProtobufTranslation translation) {
    super(service, translation, NoopMetricsSystem.getInstance());
    this.errors = requireNonNull(errors, "errors");
    this.translation = translation;
  }

  @Override
  public HandlerResponse<byte[]> convertToErrorResponse(Exception e) {
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
