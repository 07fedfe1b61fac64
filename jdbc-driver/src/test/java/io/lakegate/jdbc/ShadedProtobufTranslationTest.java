package io.lakegate.jdbc;

import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.Request;
import org.apache.calcite.avatica.remote.Service.Response;

import com.google.protobuf.ByteString;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Tests that {@link ShadedProtobufTranslation} renames only the envelope. */
class ShadedProtobufTranslationTest {
  private static final String AVATICA = "org.apache.calcite.avatica.proto.";
  private static final String RELOCATED = "io.lakegate.jdbc.shaded." + AVATICA;
  private static final ByteString PAYLOAD = ByteString.copyFromUtf8("payload bytes");

  /** Stands in for Avatica's translation as it runs relocated: relocated names out, any in. */
  private static final class RelocatedAvatica implements ProtobufTranslation {
    byte[] received;

    @Override public byte[] serializeResponse(Response response) {
      return wire(RELOCATED + "Responses$ResultSetResponse");
    }

    @Override public byte[] serializeRequest(Request request) {
      return wire(RELOCATED + "Requests$CatalogsRequest");
    }

    @Override public Request parseRequest(byte[] bytes) {
      received = bytes;
      return new Service.CatalogsRequest("c1");
    }

    @Override public Response parseResponse(byte[] bytes) {
      received = bytes;
      return new Service.CloseConnectionResponse();
    }
  }

  private final RelocatedAvatica avatica = new RelocatedAvatica();
  private final ShadedProtobufTranslation translation = new ShadedProtobufTranslation(
      avatica, new ShadedClassNames("io.lakegate.jdbc.shaded.org.apache.calcite.avatica"));

  @Test void outgoingMessagesCarryAvaticasNames() throws IOException {
    WireMessage request = WireMessage.parseFrom(
        translation.serializeRequest(new Service.CatalogsRequest("c1")));
    assertEquals(AVATICA + "Requests$CatalogsRequest", request.getName());
    assertEquals(PAYLOAD, request.getWrappedMessage());

    WireMessage response = WireMessage.parseFrom(
        translation.serializeResponse(new Service.CloseConnectionResponse()));
    assertEquals(AVATICA + "Responses$ResultSetResponse", response.getName());
  }

  @Test void incomingMessagesAreMappedToRelocatedClasses() throws IOException {
    translation.parseResponse(wire(AVATICA + "Responses$ErrorResponse"));
    WireMessage seen = WireMessage.parseFrom(avatica.received);
    assertEquals(RELOCATED + "Responses$ErrorResponse", seen.getName());
    assertEquals(PAYLOAD, seen.getWrappedMessage());

    translation.parseRequest(wire(AVATICA + "Requests$CatalogsRequest"));
    assertEquals(RELOCATED + "Requests$CatalogsRequest",
        WireMessage.parseFrom(avatica.received).getName());
  }

  @Test void anAlreadyMatchingNameIsPassedThroughUncopied() throws IOException {
    byte[] relocated = wire(RELOCATED + "Responses$FetchResponse");
    translation.parseResponse(relocated);
    assertSame(relocated, avatica.received);
    assertArrayEquals(wire(RELOCATED + "Responses$FetchResponse"), avatica.received);
  }

  private static byte[] wire(String name) {
    return WireMessage.newBuilder().setName(name).setWrappedMessage(PAYLOAD).build().toByteArray();
  }
}
