package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.GuardrailMetrics;
import io.lakegate.guardrails.GuardrailRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jetty handler of the gateway port: {@code GET /health}, {@code GET /metrics}, and every
 * POST to Avatica's JSON or Protobuf handler according to {@link WireFormat#detect}. Anything else
 * gets a JSON 404 listing the endpoints (rather than Jetty's HTML page naming its version). A JSON
 * request that is not valid in its charset (UTF-8 unless declared) is refused, never repaired with
 * replacement characters (guardrail ENCODING).
 */
final class GatewayHandler extends AbstractHandler implements AvaticaHandler {
  static final String HEALTH_PATH = "/health";
  static final String METRICS_PATH = "/metrics";
  static final String BACKEND_HEADER = "X-Lakegate-Backend";
  static final String FAILOVER_HEADER = "X-Lakegate-Failover";
  /** Requests are small (SQL text, parameters); this only stops a runaway body from exhausting the heap. */
  private static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;
  private static final List<String> ENDPOINTS = List.of("POST / (Avatica JSON or Protobuf)",
      "GET " + HEALTH_PATH, "GET " + METRICS_PATH);

  private final Service service;
  private final SanitizedJsonHandler jsonHandler;
  private final SanitizedProtobufHandler protobufHandler;
  private final GatewayStatus status;
  private final GuardrailMetrics guardrails;
  private final ObjectMapper mapper = new ObjectMapper();

  GatewayHandler(Service service, ErrorMapper errors, GatewayStatus status, GuardrailMetrics guardrails) {
    this.service = requireNonNull(service, "service");
    this.jsonHandler = new SanitizedJsonHandler(service, errors);
    this.protobufHandler = new SanitizedProtobufHandler(service, errors, guardrails);
    this.status = requireNonNull(status, "status");
    this.guardrails = requireNonNull(guardrails, "guardrails");
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if ("POST".equals(method)) {
      FailoverNote.clear();
      try {
        serveAvatica(request, response);
      } finally {
        FailoverNote.clear();
      }
    } else if ("GET".equals(method) && HEALTH_PATH.equals(target)) {
      writeJson(response, status.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          status.health());
    } else if ("GET".equals(method) && METRICS_PATH.equals(target)) {
      writeJson(response, HttpServletResponse.SC_OK, status.metrics());
    } else {
      writeJson(response, HttpServletResponse.SC_NOT_FOUND, Map.of("error", "no " + method + " " + target,
          "endpoints", ENDPOINTS));
    }
    baseRequest.setHandled(true);
  }

  private void serveAvatica(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    // Avatica's JSON handler also accepts the request in a header, for small requests without a body.
    String headerRequest = request.getHeader("request");
    WireFormat format = headerRequest != null ? WireFormat.JSON : WireFormat.detect(request.getContentType(), body);
    boolean tooLarge = body.length > MAX_REQUEST_BYTES;
    if (format == WireFormat.JSON) {
      HandlerResponse<String> answer;
      try {
        String text = headerRequest != null || tooLarge ? headerRequest : decode(body, charset(request));
        if (tooLarge) {
          answer = jsonHandler.convertToErrorResponse(tooLarge());
        } else if (text == null) {
          guardrails.rejected(GuardrailRule.ENCODING);
          answer = jsonHandler.convertToErrorResponse(notDecodable(body, charset(request)));
        } else {
          answer = jsonHandler.apply(text);
        }
      } catch (Error e) {
        answer = jsonHandler.convertToErrorResponse(new ServiceError(e));
      }
      backendHeaders(response);
      write(response, answer.getStatusCode(), "application/json;charset=utf-8",
          answer.getResponse().getBytes(StandardCharsets.UTF_8));
    } else {
      HandlerResponse<byte[]> answer;
      try {
        answer = tooLarge ? protobufHandler.convertToErrorResponse(tooLarge()) : protobufHandler.apply(body);
      } catch (Error e) {
        answer = protobufHandler.convertToErrorResponse(new ServiceError(e));
      }
      backendHeaders(response);
      write(response, answer.getStatusCode(), "application/octet-stream", answer.getResponse());
    }
  }

  /**
   * Which backend answers the statement of this request (an execute, or a fetch of its later frames, also
   * when the request failed): Avatica carries no warnings to remote callers, so agents read it from
   * {@value #BACKEND_HEADER} (and why the lake answered from {@value #FAILOVER_HEADER}).
   */
  private static void backendHeaders(HttpServletResponse response) {
    FailoverNote.current().ifPresent(note -> {
      response.setHeader(BACKEND_HEADER, note.backend().id());
      note.lakeReason().ifPresent(reason -> response.setHeader(FAILOVER_HEADER, GatewayError.oneLine(reason)));
    });
  }

  private void writeJson(HttpServletResponse response, int statusCode, Map<String, Object> body) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    write(response, statusCode, "application/json;charset=utf-8", mapper.writeValueAsBytes(body));
  }

  private static void write(HttpServletResponse response, int statusCode, String contentType, byte[] body)
      throws IOException {
    response.setStatus(statusCode);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * Carries an {@link Error} past Avatica's handlers (which catch only exceptions), so that it is
   * answered like any failure instead of Jetty's HTML error page.
   */
  private static final class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServiceError(Error cause) {
      super(cause);
    }
  }

  private static Exception tooLarge() {
    return ErrorKind.PROTOCOL.error("the request is larger than " + (MAX_REQUEST_BYTES >> 20) + " MiB").toException();
  }

  /** {@code body} decoded, or null when it holds bytes that are not valid in {@code charset}. */
  private static String decode(byte[] body, Charset charset) {
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = strictDecoder(charset).decode(ByteBuffer.wrap(body), out, true);
    return result.isError() ? null : out.flip().toString();
  }

  private static Exception notDecodable(byte[] body, Charset charset) {
    ByteBuffer in = ByteBuffer.wrap(body);
    strictDecoder(charset).decode(in, CharBuffer.allocate(body.length), true);
    return GatewayError.of(GuardrailRule.ENCODING.violation("the request is not valid " + charset.name()
        + " (invalid bytes at offset " + in.position() + "); send the statement as " + charset.name())).toException();
  }

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The request's declared charset; UTF-8 (what Avatica's client sends) when absent or unknown. */
  private static Charset charset(HttpServletRequest request) {
    String encoding = request.getCharacterEncoding();
    if (encoding == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding);
    } catch (IllegalArgumentException unknownCharset) {
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public void setServerRpcMetadata(Service.RpcMetadataResponse metadata) {
    service.setRpcMetadata(metadata);
    jsonHandler.setRpcMetadata(metadata);
    protobufHandler.setRpcMetadata(metadata);
  }
}
