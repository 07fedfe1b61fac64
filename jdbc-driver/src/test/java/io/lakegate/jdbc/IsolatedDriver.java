package io.lakegate.jdbc;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded driver jar loaded alone in its own class loader whose parent is the platform loader,
 * as a JDBC tool loads a driver jar: nothing from the test classpath is visible to it.
 */
final class IsolatedDriver implements AutoCloseable {
  private final URLClassLoader loader;
  private final List<Driver> drivers;

  private IsolatedDriver(URLClassLoader loader) {
    this.loader = loader;
    // DriverManager would refuse a driver from a loader the caller cannot see, so go through
    // ServiceLoader, which is how DriverManager finds drivers in the first place.
    this.drivers = ServiceLoader.load(Driver.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .filter(driver -> driver.getClass().getClassLoader() == loader)
        .collect(Collectors.toList());
  }

  /** The jar the build produced; failsafe passes its path. */
  static Path shadedJar() {
    String path = System.getProperty("lakegate.jdbc.jar");
    assertTrue(path != null && Files.isRegularFile(Path.of(path)),
        "the shaded jar is built in the package phase; run these tests with 'mvn verify' "
            + "(lakegate.jdbc.jar=" + path + ")");
    return Path.of(path);
  }

  static IsolatedDriver load() throws IOException {
    URL jar = shadedJar().toUri().toURL();
    return new IsolatedDriver(
        new URLClassLoader("lakegate-jdbc", new URL[] {jar}, ClassLoader.getPlatformClassLoader()));
  }

  ClassLoader loader() {
    return loader;
  }

  /** Every java.sql.Driver the jar announces through META-INF/services. */
  List<Driver> announced() {
    return drivers;
  }

  /** The one announced driver. */
  Driver driver() {
    assertEquals(1, drivers.size(), "drivers announced by the jar: " + drivers);
    return drivers.get(0);
  }

  Connection connect(String url) throws SQLException {
    return connect(url, new Properties());
  }

  Connection connect(String url, Properties info) throws SQLException {
    Connection connection = driver().connect(url, info);
    assertTrue(connection != null, "driver declined " + url);
    return connection;
  }

  @Override public void close() throws IOException {
    loader.close();
  }
}
