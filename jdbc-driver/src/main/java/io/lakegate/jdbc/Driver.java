package io.lakegate.jdbc;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Properties;

/**
 * The lakegate JDBC driver: Avatica's remote driver answering {@code jdbc:lakegate:} URLs,
 * speaking protobuf unless told otherwise, with lakegate's version and friendly errors (also
 * when a later fetch of a result fails: see {@link LakegateResultSet}).
 *
 * <p>URL: {@code jdbc:lakegate:url=http://host:8765[;property=value...]}; every property is
 * listed in {@link DriverProperty}.
 */
public class Driver extends org.apache.calcite.avatica.remote.Driver {
  public static final String CONNECT_STRING_PREFIX = "jdbc:lakegate:";

  /** Classpath resource holding the version, filled in by the Maven build. */
  static final String VERSION_RESOURCE = "io/lakegate/jdbc/lakegate-jdbc.properties";

  private static final Logger LOG = LoggerFactory.getLogger(Driver.class);

  static {
    new Driver().register();
    withdrawRelocatedAvaticaDriver();
  }

  public Driver() {
    super();
  }

  @Override protected String getConnectStringPrefix() {
    return CONNECT_STRING_PREFIX;
  }

  @Override protected AvaticaFactory createFactory() {
    // Avatica's JDBC objects, with result sets that report a failed fetch as an SQLException.
    return new LakegateJdbcFactory(super.createFactory());
  }

  @Override protected DriverVersion createDriverVersion() {
    return DriverVersion.load(Driver.class, VERSION_RESOURCE,
        "lakegate", "unknown version", "lakegate", "unknown version");
  }

  @Override public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      // JDBC: null tells DriverManager to try the next driver.
      return null;
    }
    ConnectRequest request = ConnectRequest.prepare(
        url.substring(CONNECT_STRING_PREFIX.length()), info, ShadedClassNames.current());
    try {
      return super.connect(CONNECT_STRING_PREFIX + request.urlSuffix(), request.info());
    } catch (AvaticaClientRuntimeException e) {
      // The gateway answered with an error (e.g. it refused a property): keep its SQLSTATE.
      throw new SQLException("lakegate gateway at " + request.gatewayUrl()
          + " refused the connection: " + e.getMessage(), e.getSqlState(), e.getErrorCode(), e);
    } catch (RuntimeException e) {
      // Avatica reports transport failures (refused, timeout, HTTP 401...) as RuntimeException.
      LOG.debug("Connecting to {} failed", request.gatewayUrl(), e);
      throw new SQLException("cannot connect to the lakegate gateway at " + request.gatewayUrl()
          + ": " + rootMessage(e) + ". Check that the gateway is running there and that "
          + "url= (and serialization=, authentication=) match it.",
          ConnectRequest.CANNOT_CONNECT, e);
    }
  }

  @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
      throws SQLException {
    Properties given = info == null ? new Properties() : info;
    if (url != null && acceptsURL(url)) {
      given = ConnectStringParser.parse(url.substring(CONNECT_STRING_PREFIX.length()), given);
    }
    Properties current = given;
    return Arrays.stream(DriverProperty.values())
        .map(property -> property.toPropertyInfo(current))
        .toArray(DriverPropertyInfo[]::new);
  }

  /**
   * Avatica's remote driver, our superclass, registers itself for {@code jdbc:avatica:remote:}
   * when it loads. Inside the shaded jar that copy is relocated and its protobuf messages carry
   * relocated names, so it must not answer a tool's Avatica URLs: the jar offers only
   * {@code jdbc:lakegate:}.
   */
  private static void withdrawRelocatedAvaticaDriver() {
    if (!ShadedClassNames.current().relocates()) {
      return;
    }
    for (java.sql.Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass() == org.apache.calcite.avatica.remote.Driver.class) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
          LOG.warn("Could not withdraw the relocated Avatica driver from DriverManager; "
              + "jdbc:avatica:remote: URLs may reach it", e);
        }
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
