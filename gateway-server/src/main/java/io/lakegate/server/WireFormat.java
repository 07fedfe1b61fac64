package io.lakegate.server;

import java.util.Locale;

/**
 * The two Avatica serializations and how to tell them apart on one port. Avatica's own client
 * sends {@code Content-Type: application/octet-stream} for both, so the body decides: a JSON
 * request is an object (first non-blank byte {@code '{'}), a Protobuf request is a
 * {@code WireMessage} whose first field, the message class name, starts with byte {@code 0x0A}.
 * An explicit JSON or Protobuf content type is trusted; anything unrecognised is treated as JSON,
 * whose error message then says what is wrong.
 */
enum WireFormat {
  JSON,
  PROTOBUF;

  /** Protobuf tag of {@code WireMessage.name}: field 1, length-delimited. */
  private static final byte WIRE_MESSAGE_NAME_TAG = 0x0A;

  static WireFormat detect(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      return JSON;
    }
    if (type.startsWith("application/x-protobuf") || type.startsWith("application/protobuf")
        || type.startsWith("application/vnd.google.protobuf")) {
      return PROTOBUF;
    }
    for (byte b : body) {
      if (b == '{') {
        return JSON;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        break;
      }
    }
    return body.length > 1 && body[0] == WIRE_MESSAGE_NAME_TAG ? PROTOBUF : JSON;
  }
}
