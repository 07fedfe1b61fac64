package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.Test;

/** Avatica's client sends application/octet-stream for both serializations, so the body decides. */
class WireFormatTest {
  private static final String OCTET_STREAM = "application/octet-stream";

  @Test
  void jsonBodiesAreJsonWhateverTheContentType() {
    assertEquals(WireFormat.JSON, WireFormat.detect(OCTET_STREAM, bytes("{\"request\":\"openConnection\"}")));
    assertEquals(WireFormat.JSON, WireFormat.detect(null, bytes("\n  {\"request\":\"openConnection\"}")));
    assertEquals(WireFormat.JSON, WireFormat.detect("application/x-www-form-urlencoded", bytes("{}")));
  }

  @Test
  void protobufWireMessagesAreProtobuf() throws IOException {
    byte[] body = new ProtobufTranslationImpl().serializeRequest(new Service.OpenConnectionRequest("c1", null));
    assertEquals(WireFormat.PROTOBUF, WireFormat.detect(OCTET_STREAM, body));
    byte[] fetch = new ProtobufTranslationImpl().serializeRequest(new Service.FetchRequest("c1", 1, 0, 100));
    assertEquals(WireFormat.PROTOBUF, WireFormat.detect(null, fetch));
  }

  @Test
  void explicitContentTypesAreTrusted() {
    assertEquals(WireFormat.JSON, WireFormat.detect("application/json; charset=utf-8", bytes("x")));
    assertEquals(WireFormat.PROTOBUF, WireFormat.detect("application/x-protobuf", bytes("{}")));
  }

  @Test
  void anythingElseFallsBackToJson() {
    assertEquals(WireFormat.JSON, WireFormat.detect(OCTET_STREAM, new byte[0]));
    assertEquals(WireFormat.JSON, WireFormat.detect(OCTET_STREAM, bytes("hello")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
