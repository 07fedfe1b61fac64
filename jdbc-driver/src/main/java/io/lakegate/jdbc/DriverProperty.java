package io.lakegate.jdbc;

import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectionProperty;

import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Every connection property of the lakegate driver: Avatica's own properties, each with the
 * default lakegate applies and a description for tools such as DBeaver.
 *
 * <p>lakegate adds no property of its own; Avatica implements every one of these. The only
 * default that differs from Avatica's is {@link #SERIALIZATION}.
 */
public enum DriverProperty {
  URL(BuiltInConnectionProperty.URL,
      "Address of the lakegate gateway, http://host:port or https://host:port (required)."),
  SERIALIZATION(BuiltInConnectionProperty.SERIALIZATION, "protobuf",
      "Wire format: protobuf (default; compact and faster) or json (readable, for debugging). "
          + "Must match a format the gateway serves."),
  SCHEMA(BuiltInConnectionProperty.SCHEMA,
      "Initial schema of the connection; the gateway's default is analytics."),
  TIME_ZONE(BuiltInConnectionProperty.TIME_ZONE,
      "Time zone used to convert DATE/TIME/TIMESTAMP values, e.g. UTC; default the JVM's zone."),
  FETCH_SIZE(BuiltInConnectionProperty.FETCH_SIZE,
      "Rows fetched per round trip unless Statement.setFetchSize says otherwise."),
  TRANSPARENT_RECONNECTION(BuiltInConnectionProperty.TRANSPARENT_RECONNECTION,
      "Reopen the connection on the server after it expired there (idle for too long)."),
  AUTHENTICATION(BuiltInConnectionProperty.AUTHENTICATION,
      "HTTP authentication the gateway requires: BASIC, DIGEST, SPNEGO or BEARER; "
          + "none when empty."),
  AVATICA_USER(BuiltInConnectionProperty.AVATICA_USER,
      "User for BASIC/DIGEST (and BEARER) authentication; defaults to the JDBC user."),
  AVATICA_PASSWORD(BuiltInConnectionProperty.AVATICA_PASSWORD,
      "Password for BASIC/DIGEST authentication; defaults to the JDBC password."),
  BEARER_TOKEN(BuiltInConnectionProperty.BEARER_TOKEN,
      "Token sent as 'Authorization: Bearer' when authentication=BEARER."),
  TOKEN_FILE(BuiltInConnectionProperty.TOKEN_FILE,
      "File holding the bearer token(s) when authentication=BEARER."),
  TOKEN_PROVIDER_CLASS(BuiltInConnectionProperty.TOKEN_PROVIDER_CLASS,
      "Class supplying bearer tokens when authentication=BEARER."),
  PRINCIPAL(BuiltInConnectionProperty.PRINCIPAL,
      "Kerberos principal to log in with (SPNEGO)."),
  KEYTAB(BuiltInConnectionProperty.KEYTAB,
      "Kerberos keytab file for the principal (SPNEGO)."),
  TRUSTSTORE(BuiltInConnectionProperty.TRUSTSTORE,
      "Trust store file for an https:// gateway with a private certificate authority."),
  TRUSTSTORE_PASSWORD(BuiltInConnectionProperty.TRUSTSTORE_PASSWORD,
      "Password of the trust store."),
  KEYSTORE_TYPE(BuiltInConnectionProperty.KEYSTORE_TYPE,
      "Type of the trust and key stores, e.g. JKS or PKCS12; default the JVM's."),
  KEYSTORE(BuiltInConnectionProperty.KEYSTORE,
      "Key store file with the client certificate, for mutual TLS."),
  KEYSTORE_PASSWORD(BuiltInConnectionProperty.KEYSTORE_PASSWORD,
      "Password of the key store."),
  KEY_PASSWORD(BuiltInConnectionProperty.KEY_PASSWORD,
      "Password of the client key inside the key store."),
  HOSTNAME_VERIFICATION(BuiltInConnectionProperty.HOSTNAME_VERIFICATION,
      "Check that an https:// gateway's certificate names its host: STRICT or NONE."),
  HTTP_CONNECTION_TIMEOUT(BuiltInConnectionProperty.HTTP_CONNECTION_TIMEOUT,
      "Milliseconds to wait for the TCP connection to the gateway."),
  HTTP_RESPONSE_TIMEOUT(BuiltInConnectionProperty.HTTP_RESPONSE_TIMEOUT,
      "Milliseconds to wait for one response; a longer query fails on the client side."),
  HTTP_CLIENT_IMPL(BuiltInConnectionProperty.HTTP_CLIENT_IMPL,
      "Avatica HTTP client class; default Apache HttpClient 5 "
          + "(org.apache.calcite.avatica.remote.AvaticaCommonsHttpClientImpl)."),
  HTTP_CLIENT_FACTORY(BuiltInConnectionProperty.HTTP_CLIENT_FACTORY,
      "Avatica factory class that builds the HTTP client."),
  USE_CLIENT_SIDE_LB(BuiltInConnectionProperty.USE_CLIENT_SIDE_LB,
      "Spread connections over the gateways listed in lb_urls."),
  LB_URLS(BuiltInConnectionProperty.LB_URLS,
      "Comma-separated gateway addresses for client-side load balancing."),
  LB_STRATEGY(BuiltInConnectionProperty.LB_STRATEGY,
      "Class choosing the gateway among lb_urls."),
  LB_CONNECTION_FAILOVER_RETRIES(BuiltInConnectionProperty.LB_CONNECTION_FAILOVER_RETRIES,
      "Other gateways to try when opening a connection fails (load balancing only)."),
  LB_CONNECTION_FAILOVER_SLEEP_TIME(BuiltInConnectionProperty.LB_CONNECTION_FAILOVER_SLEEP_TIME,
      "Milliseconds to wait before trying the next gateway (load balancing only)."),
  FACTORY(BuiltInConnectionProperty.FACTORY,
      "Avatica Service.Factory class replacing the HTTP transport; for tests only.");

  private final ConnectionProperty avatica;
  private final String lakegateDefault;
  private final String description;

  DriverProperty(ConnectionProperty avatica, String description) {
    this(avatica, null, description);
  }

  DriverProperty(ConnectionProperty avatica, String lakegateDefault, String description) {
    this.avatica = requireNonNull(avatica, "avatica");
    this.lakegateDefault = lakegateDefault;
    this.description = requireNonNull(description, "description");
  }

  /** The Avatica property that implements this one. */
  public ConnectionProperty avatica() {
    return avatica;
  }

  /** The name written in the URL or the properties, e.g. {@code url}, {@code timeZone}. */
  public String camelName() {
    return avatica.camelName();
  }

  public ConnectionProperty.Type type() {
    return avatica.type();
  }

  /** The value used when the property is absent, as text; null when there is none. */
  public String defaultValue() {
    if (lakegateDefault != null) {
      return lakegateDefault;
    }
    Object value = avatica.defaultValue();
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value == null ? null : value.toString();
  }

  public String description() {
    return description;
  }

  public boolean required() {
    return this == URL;
  }

  /** Whether the value names a Java class, which the shaded jar has relocated. */
  boolean namesJavaClass() {
    return type() == ConnectionProperty.Type.PLUGIN
        || this == HTTP_CLIENT_IMPL
        || this == TOKEN_PROVIDER_CLASS;
  }

  /** The allowed values, for tools that offer a drop-down; empty when the value is free. */
  public String[] choices() {
    switch (this) {
    case SERIALIZATION:
      return new String[] {"protobuf", "json"};
    case AUTHENTICATION:
      return new String[] {"BASIC", "DIGEST", "SPNEGO", "BEARER"};
    default:
      break;
    }
    if (type() == ConnectionProperty.Type.BOOLEAN) {
      return new String[] {"true", "false"};
    }
    if (type() == ConnectionProperty.Type.ENUM) {
      return Arrays.stream(avatica.valueClass().getEnumConstants())
          .map(constant -> ((Enum<?>) constant).name())
          .toArray(String[]::new);
    }
    return new String[0];
  }

  /**
   * The key under which {@code properties} holds this property, if any. Like Avatica, matches
   * the camel name or the constant name in any case ({@code timeZone}, {@code TIME_ZONE}).
   */
  Optional<String> keyIn(Properties properties) {
    requireNonNull(properties, "properties");
    String camel = camelName().toUpperCase(Locale.ROOT);
    String constant = avatica instanceof Enum<?> e ? e.name() : camel;
    return properties.stringPropertyNames().stream()
        .filter(key -> {
          String upper = key.toUpperCase(Locale.ROOT);
          return upper.equals(camel) || upper.equals(constant);
        })
        .findFirst();
  }

  /** The value {@code properties} gives this property, if any. */
  Optional<String> valueIn(Properties properties) {
    return keyIn(properties).map(properties::getProperty);
  }

  /** Describes this property for {@link java.sql.Driver#getPropertyInfo}. */
  DriverPropertyInfo toPropertyInfo(Properties given) {
    DriverPropertyInfo info =
        new DriverPropertyInfo(camelName(), valueIn(given).orElse(defaultValue()));
    info.description = description;
    info.required = required();
    info.choices = choices();
    return info;
  }
}
