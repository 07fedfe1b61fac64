package io.lakegate.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link Driver} from the module's own classes, without a server. */
class DriverTest {
  private final Driver driver = new Driver();

  @Test void acceptsOnlyLakegateUrls() throws SQLException {
    assertTrue(driver.acceptsURL("jdbc:lakegate:url=http://localhost:8765"));
    assertTrue(driver.acceptsURL("jdbc:lakegate:"));
    assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://localhost:8765"));
    assertFalse(driver.acceptsURL("jdbc:calcite:"));
    assertFalse(driver.acceptsURL("jdbc:lakegat:url=http://localhost:8765"));
    assertNull(driver.connect("jdbc:postgresql://localhost/db", new Properties()));
  }

  @Test void versionComesFromTheMavenProject() {
    String expected = System.getProperty("lakegate.version");
    assertEquals("lakegate", driver.getDriverVersion().name);
    assertEquals(expected, driver.getDriverVersion().versionString);
    assertEquals("lakegate", driver.getDriverVersion().productName);
    String[] parts = expected.split("[.-]");
    assertEquals(Integer.parseInt(parts[0]), driver.getMajorVersion());
    assertEquals(Integer.parseInt(parts[1]), driver.getMinorVersion());
    assertFalse(driver.jdbcCompliant());
  }

  @Test void missingUrlSaysWhatToWrite() {
    for (String url : new String[] {"jdbc:lakegate:", "jdbc:lakegate:serialization=json",
        "jdbc:lakegate:url="}) {
      SQLException e = assertThrows(SQLException.class, () -> driver.connect(url, null), url);
      assertEquals("jdbc:lakegate: URL needs url=http://host:port, "
          + "e.g. jdbc:lakegate:url=http://localhost:8765", e.getMessage());
      assertEquals("08001", e.getSQLState());
    }
  }

  @Test void badValuesNameTheProperty() {
    SQLException scheme = assertThrows(SQLException.class,
        () -> driver.connect("jdbc:lakegate:url=localhost:8765", new Properties()));
    assertEquals("url=localhost:8765 is not a gateway address (it does not start with http:// "
        + "or https://); use e.g. jdbc:lakegate:url=http://localhost:8765", scheme.getMessage());

    SQLException serialization = assertThrows(SQLException.class,
        () -> driver.connect("jdbc:lakegate:url=http://localhost:8765;serialization=xml", null));
    assertEquals("serialization=xml is not supported: use protobuf (the default) or json",
        serialization.getMessage());

    Properties info = new Properties();
    info.setProperty("authentication", "kerberos");
    SQLException auth = assertThrows(SQLException.class,
        () -> driver.connect("jdbc:lakegate:url=http://localhost:8765", info));
    assertTrue(auth.getMessage().startsWith("authentication=kerberos is not supported"),
        auth.getMessage());
  }

  @Test void unreachableGatewayIsAnSqlExceptionNamingTheAddress() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String address = "http://127.0.0.1:" + port;
    SQLException e = assertThrows(SQLException.class,
        () -> driver.connect("jdbc:lakegate:url=" + address, new Properties()));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().startsWith(
        "cannot connect to the lakegate gateway at " + address + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
  }

  @Test void propertyInfoDescribesEveryPropertyWithLakegateDefaults() throws SQLException {
    Properties info = new Properties();
    info.setProperty("fetch_size", "500");
    Map<String, DriverPropertyInfo> byName = Arrays.stream(
            driver.getPropertyInfo("jdbc:lakegate:url=http://gw:8765;serialization=json", info))
        .collect(Collectors.toMap(p -> p.name, Function.identity()));

    assertEquals(DriverProperty.values().length, byName.size());
    for (DriverPropertyInfo property : byName.values()) {
      assertFalse(property.description == null || property.description.isBlank(), property.name);
    }
    DriverPropertyInfo url = byName.get("url");
    assertTrue(url.required);
    assertEquals("http://gw:8765", url.value);
    assertEquals("json", byName.get("serialization").value);
    assertArrayEquals(new String[] {"protobuf", "json"}, byName.get("serialization").choices);
    assertEquals("500", byName.get("fetch_size").value);
    assertArrayEquals(new String[] {"true", "false"},
        byName.get("transparent_reconnection").choices);
    assertFalse(byName.get("timeZone").required);

    DriverPropertyInfo defaults = Arrays.stream(driver.getPropertyInfo("jdbc:lakegate:", null))
        .filter(p -> p.name.equals("serialization")).findFirst().orElseThrow();
    assertEquals("protobuf", defaults.value);
  }
}
