package io.lakegate.jdbc;

import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service.Request;
import org.apache.calcite.avatica.remote.Service.Response;

import com.google.protobuf.CodedInputStream;

import java.io.IOException;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Avatica's protobuf translation for the shaded jar: Avatica names every message on the wire by
 * its Java class name, which relocation changes, so outgoing names are given back Avatica's
 * spelling and incoming names are mapped to the relocated classes.
 */
final class ShadedProtobufTranslation implements ProtobufTranslation {
  private final ProtobufTranslation delegate;
  private final ShadedClassNames names;

  ShadedProtobufTranslation(ProtobufTranslation delegate, ShadedClassNames names) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.names = requireNonNull(names, "names");
  }

  @Override public byte[] serializeRequest(Request request) throws IOException {
    return rename(delegate.serializeRequest(request), names::unshade);
  }

  @Override public Response parseResponse(byte[] bytes) throws IOException {
    return delegate.parseResponse(rename(bytes, names::resolve));
  }

  @Override public byte[] serializeResponse(Response response) throws IOException {
    return rename(delegate.serializeResponse(response), names::unshade);
  }

  @Override public Request parseRequest(byte[] bytes) throws IOException {
    return delegate.parseRequest(rename(bytes, names::resolve));
  }

  /** Re-wraps the message under a new name; returns {@code wire} itself when the name stays. */
  private static byte[] rename(byte[] wire, UnaryOperator<String> rename) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(wire);
    // Alias the payload instead of copying it: only the envelope is rebuilt.
    in.enableAliasing(true);
    WireMessage message = WireMessage.parseFrom(in);
    String name = message.getName();
    String renamed = rename.apply(name);
    if (renamed.equals(name)) {
      return wire;
    }
    return message.toBuilder().setName(renamed).build().toByteArray();
  }
}
