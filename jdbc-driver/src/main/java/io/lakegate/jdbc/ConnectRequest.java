package io.lakegate.jdbc;

import org.apache.calcite.avatica.ConnectStringParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * One connect call as lakegate hands it to Avatica's remote driver: the URL suffix and a private
 * copy of the properties, after lakegate's checks, defaults and class-name relocation.
 *
 * @param urlSuffix  the part after {@code jdbc:lakegate:}, rewritten only when a value changed
 * @param info       the caller's properties plus lakegate's defaults; a copy the caller never sees
 * @param gatewayUrl the gateway address, for error messages
 */
record ConnectRequest(String urlSuffix, Properties info, String gatewayUrl) {
  /** SQLSTATE "SQL-client unable to establish SQL-connection". */
  static final String CANNOT_CONNECT = "08001";

  static final String MISSING_URL = "jdbc:lakegate: URL needs url=http://host:port, "
      + "e.g. jdbc:lakegate:url=http://localhost:8765";

  /** Avatica's AuthenticationType constants, which it parses case-sensitively. */
  private static final Set<String> AUTHENTICATION_TYPES =
      Set.of("NONE", "BASIC", "DIGEST", "SPNEGO", "BEARER", "CUSTOM");

  ConnectRequest {
    requireNonNull(urlSuffix, "urlSuffix");
    requireNonNull(info, "info");
    requireNonNull(gatewayUrl, "gatewayUrl");
  }

  /**
   * Checks and completes one connect call.
   *
   * @param urlSuffix  the URL after {@code jdbc:lakegate:}
   * @param info       the caller's properties; may be null, never modified
   * @param classNames how Avatica class names are relocated in this jar
   * @throws SQLException naming the property to fix when the URL or a property is unusable
   */
  static ConnectRequest prepare(String urlSuffix, Properties info, ShadedClassNames classNames)
      throws SQLException {
    requireNonNull(urlSuffix, "urlSuffix");
    requireNonNull(classNames, "classNames");
    Properties urlProperties = ConnectStringParser.parse(urlSuffix);
    Properties infoCopy = info == null ? new Properties() : (Properties) info.clone();
    // Avatica merges the same way: a URL value wins over the same key in the properties.
    Properties merged = ConnectStringParser.parse(urlSuffix, infoCopy);

    String gatewayUrl = checkGatewayUrl(merged);
    checkSerialization(merged);
    checkAuthentication(merged);
    if (DriverProperty.SERIALIZATION.keyIn(merged).isEmpty()) {
      infoCopy.setProperty(DriverProperty.SERIALIZATION.camelName(),
          DriverProperty.SERIALIZATION.defaultValue());
    }
    useJdbcCredentials(merged, infoCopy);
    if (classNames.relocates() && usesProtobuf(merged)
        && DriverProperty.FACTORY.keyIn(merged).isEmpty()) {
      infoCopy.setProperty(DriverProperty.FACTORY.camelName(),
          ShadedServiceFactory.class.getName());
    }

    boolean urlChanged = false;
    for (Properties properties : new Properties[] {urlProperties, infoCopy}) {
      // Avatica parses the type case-sensitively and would reject "basic".
      boolean changed = rewrite(properties, DriverProperty.AUTHENTICATION,
          value -> value.trim().toUpperCase(Locale.ROOT));
      for (DriverProperty property : DriverProperty.values()) {
        if (property.namesJavaClass()) {
          changed |= rewrite(properties, property, classNames::resolve);
        }
      }
      urlChanged |= changed && properties == urlProperties;
    }
    String suffix = urlChanged ? ConnectStringParser.getParamString(urlProperties) : urlSuffix;
    return new ConnectRequest(suffix, infoCopy, gatewayUrl);
  }

  private static String checkGatewayUrl(Properties merged) throws SQLException {
    Optional<String> factory = DriverProperty.FACTORY.valueIn(merged);
    Optional<String> url = DriverProperty.URL.valueIn(merged).filter(u -> !u.isBlank());
    if (factory.isPresent()) {
      // A Service.Factory replaces the HTTP transport, so there is no address to check.
      return url.orElse("factory " + factory.get());
    }
    if (url.isEmpty()) {
      throw new SQLException(MISSING_URL, CANNOT_CONNECT);
    }
    String address = url.get().trim();
    String problem = null;
    try {
      URI uri = new URI(address);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problem = "it does not start with http:// or https://";
      } else if (uri.getHost() == null) {
        problem = "it names no host";
      }
    } catch (URISyntaxException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      throw new SQLException("url=" + address + " is not a gateway address (" + problem
          + "); use e.g. jdbc:lakegate:url=http://localhost:8765", CANNOT_CONNECT);
    }
    return address;
  }

  private static void checkSerialization(Properties merged) throws SQLException {
    Optional<String> value = DriverProperty.SERIALIZATION.valueIn(merged);
    if (value.isPresent()) {
      String lower = value.get().trim().toLowerCase(Locale.ROOT);
      if (!lower.equals("protobuf") && !lower.equals("json")) {
        throw new SQLException("serialization=" + value.get()
            + " is not supported: use protobuf (the default) or json", CANNOT_CONNECT);
      }
    }
  }

  private static boolean usesProtobuf(Properties merged) {
    String serialization = DriverProperty.SERIALIZATION.valueIn(merged)
        .orElse(DriverProperty.SERIALIZATION.defaultValue());
    return serialization.trim().equalsIgnoreCase("protobuf");
  }

  /**
   * Lets the standard JDBC {@code user}/{@code password} (what DBeaver's fields and sqlline's
   * -n/-p fill) authenticate to the gateway when Avatica's own properties are not given.
   */
  private static void useJdbcCredentials(Properties merged, Properties infoCopy) {
    if (DriverProperty.AUTHENTICATION.valueIn(merged).isEmpty()) {
      return;
    }
    copyIfAbsent(merged, infoCopy, "user", DriverProperty.AVATICA_USER);
    copyIfAbsent(merged, infoCopy, "password", DriverProperty.AVATICA_PASSWORD);
  }

  private static void copyIfAbsent(Properties merged, Properties infoCopy, String jdbcKey,
      DriverProperty target) {
    String value = merged.getProperty(jdbcKey);
    if (value != null && target.keyIn(merged).isEmpty()) {
      infoCopy.setProperty(target.camelName(), value);
    }
  }

  private static void checkAuthentication(Properties merged) throws SQLException {
    Optional<String> value = DriverProperty.AUTHENTICATION.valueIn(merged);
    if (value.isPresent()
        && !AUTHENTICATION_TYPES.contains(value.get().trim().toUpperCase(Locale.ROOT))) {
      throw new SQLException("authentication=" + value.get()
          + " is not supported: use BASIC, DIGEST, SPNEGO or BEARER, or leave it out",
          CANNOT_CONNECT);
    }
  }

  /** Applies {@code rewriter} to the value of {@code property}; true when the value changed. */
  private static boolean rewrite(Properties properties, DriverProperty property,
      UnaryOperator<String> rewriter) {
    Optional<String> key = property.keyIn(properties);
    if (key.isEmpty()) {
      return false;
    }
    String before = properties.getProperty(key.get());
    String after = rewriter.apply(before);
    if (after.equals(before)) {
      return false;
    }
    properties.setProperty(key.get(), after);
    return true;
  }
}
