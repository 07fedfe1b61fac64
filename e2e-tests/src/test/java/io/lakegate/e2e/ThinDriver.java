package io.lakegate.e2e;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The shaded thin-driver jar, loaded alone in a class loader whose parent is the platform loader:
 * what any JDBC tool gets when it is handed {@code lakegate-jdbc.jar} and nothing else.
 */
final class ThinDriver {
  private static final String JAR_PROPERTY = "lakegate.jdbc.jar";

  private final Driver driver;

  private ThinDriver(Driver driver) {
    this.driver = driver;
  }

  static ThinDriver load() {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the thin driver jar (" + jar + ") is not built; run 'mvn verify' from the"
          + " repository root so that jdbc-driver is packaged before these tests");
    }
    try {
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.getClass().getName().equals("io.lakegate.jdbc.Driver")) {
          return new ThinDriver(d);
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(jar + " registers no io.lakegate.jdbc.Driver in META-INF/services");
  }

  Driver driver() {
    return driver;
  }

  Connection connect(int port, String serialization) throws SQLException {
    String url = "jdbc:lakegate:url=http://127.0.0.1:" + port + ";serialization=" + serialization;
    Connection connection = driver.connect(url, new Properties());
    if (connection == null) {
      throw new SQLException("the thin driver did not accept " + url);
    }
    return connection;
  }
}
