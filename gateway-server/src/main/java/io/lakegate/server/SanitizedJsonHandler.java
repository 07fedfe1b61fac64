package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.JsonService;
import org.apache.calcite.avatica.remote.Service;

/** Avatica's JSON request handler, except that errors reach the caller without server stack traces. */
final class SanitizedJsonHandler extends JsonHandler {
  private final ErrorMapper errors;
  private volatile Service.RpcMetadataResponse metadata;

  SanitizedJsonHandler(Service service, ErrorMapper errors) {
    super(service, NoopMetricsSystem.getInstance());
    this.errors = requireNonNull(errors, "errors");
  }

  @Override
  public HandlerResponse<String> convertToErrorResponse(Exception e) {
    try {
      return new HandlerResponse<>(JsonService.MAPPER.writeValueAsString(ErrorResponses.of(e, errors, metadata)),
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
