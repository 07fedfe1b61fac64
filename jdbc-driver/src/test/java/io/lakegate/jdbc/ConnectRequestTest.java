package io.lakegate.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tests what {@link ConnectRequest} hands to Avatica. */
class ConnectRequestTest {
  private static final ShadedClassNames UNSHADED =
      new ShadedClassNames("org.apache.calcite.avatica");
  private static final ShadedClassNames SHADED =
      new ShadedClassNames("io.lakegate.jdbc.shaded.org.apache.calcite.avatica");

  @Test void protobufIsTheDefaultAndTheCallersPropertiesStayUntouched() throws SQLException {
    Properties info = new Properties();
    info.setProperty("fetch_size", "10");
    ConnectRequest request = ConnectRequest.prepare("url=http://gw:8765", info, UNSHADED);
    assertEquals("protobuf", request.info().getProperty("serialization"));
    assertEquals("10", request.info().getProperty("fetch_size"));
    assertEquals("url=http://gw:8765", request.urlSuffix());
    assertEquals("http://gw:8765", request.gatewayUrl());
    assertNull(info.getProperty("serialization"));
  }

  @Test void anExplicitSerializationWins() throws SQLException {
    ConnectRequest inUrl =
        ConnectRequest.prepare("url=http://gw:8765;SERIALIZATION=json", null, UNSHADED);
    assertNull(inUrl.info().getProperty("serialization"));

    Properties info = new Properties();
    info.setProperty("serialization", "JSON");
    ConnectRequest inInfo = ConnectRequest.prepare("url=http://gw:8765", info, UNSHADED);
    assertEquals("JSON", inInfo.info().getProperty("serialization"));
  }

  @Test void jdbcCredentialsAuthenticateWhenAuthenticationIsSet() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "ana");
    info.setProperty("password", "s3cret");
    ConnectRequest none = ConnectRequest.prepare("url=http://gw:8765", info, UNSHADED);
    assertNull(none.info().getProperty("avatica_user"));

    ConnectRequest basic =
        ConnectRequest.prepare("url=http://gw:8765;authentication=basic", info, UNSHADED);
    assertEquals("ana", basic.info().getProperty("avatica_user"));
    assertEquals("s3cret", basic.info().getProperty("avatica_password"));
    // Avatica only knows upper-case types; the URL is rewritten because the value was there.
    assertEquals("authentication=BASIC;url=http://gw:8765", sortedSuffix(basic));

    ConnectRequest explicit = ConnectRequest.prepare(
        "url=http://gw:8765;authentication=BASIC;avatica_user=svc", info, UNSHADED);
    assertNull(explicit.info().getProperty("avatica_user"));
    assertEquals("s3cret", explicit.info().getProperty("avatica_password"));
  }

  @Test void avaticaClassNamesAreRelocatedInsideTheShadedJar() throws SQLException {
    String impl = "org.apache.calcite.avatica.remote.AvaticaHttpClientImpl";
    Properties info = new Properties();
    info.setProperty("httpclient_factory",
        "org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl");
    ConnectRequest shaded =
        ConnectRequest.prepare("url=http://gw:8765;httpclient_impl=" + impl, info, SHADED);
    assertEquals("httpclient_impl=io.lakegate.jdbc.shaded." + impl + ";url=http://gw:8765",
        sortedSuffix(shaded));
    assertEquals("io.lakegate.jdbc.shaded.org.apache.calcite.avatica.remote."
        + "AvaticaHttpClientFactoryImpl", shaded.info().getProperty("httpclient_factory"));

    ConnectRequest unshaded =
        ConnectRequest.prepare("url=http://gw:8765;httpclient_impl=" + impl, info, UNSHADED);
    assertEquals("url=http://gw:8765;httpclient_impl=" + impl, unshaded.urlSuffix());
  }

  @Test void theShadedJarSpeaksProtobufThroughItsOwnServiceFactory() throws SQLException {
    String factory = ShadedServiceFactory.class.getName();
    assertEquals(factory, ConnectRequest.prepare("url=http://gw:8765", null, SHADED)
        .info().getProperty("factory"));
    assertEquals(factory, ConnectRequest.prepare("url=http://gw:8765;serialization=PROTOBUF",
        null, SHADED).info().getProperty("factory"));
    assertNull(ConnectRequest.prepare("url=http://gw:8765;serialization=json", null, SHADED)
        .info().getProperty("factory"));
    assertNull(ConnectRequest.prepare("url=http://gw:8765", null, UNSHADED)
        .info().getProperty("factory"));
    assertEquals("url=http://gw:8765;factory=com.example.Factory", ConnectRequest.prepare(
        "url=http://gw:8765;factory=com.example.Factory", null, SHADED).urlSuffix());
  }

  @Test void aServiceFactoryNeedsNoUrl() throws SQLException {
    ConnectRequest request = ConnectRequest.prepare("factory=com.example.Factory", null, UNSHADED);
    assertEquals("factory com.example.Factory", request.gatewayUrl());
  }

  /** The rewritten suffix's pairs in name order: Properties does not keep the URL's order. */
  private static String sortedSuffix(ConnectRequest request) {
    return java.util.Arrays.stream(request.urlSuffix().split(";")).sorted()
        .collect(java.util.stream.Collectors.joining(";"));
  }
}
