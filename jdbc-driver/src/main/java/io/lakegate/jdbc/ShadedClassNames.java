package io.lakegate.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;

import static java.util.Objects.requireNonNull;

/**
 * Maps Avatica class names between Avatica's own spelling and their relocated names inside the
 * shaded jar: for class names a user writes in a property (for example
 * {@code httpclient_impl=org.apache.calcite.avatica.remote.AvaticaHttpClientImpl}) and for the
 * protobuf message names Avatica puts on the wire.
 */
final class ShadedClassNames {
  /** Where the shaded jar relocates its dependencies; must match the pom's shade.prefix. */
  static final String SHADED_PREFIX = "io.lakegate.jdbc.shaded.";

  /** Avatica's package as users write it, with a trailing dot; null when nothing is relocated. */
  private final String userPackagePrefix;

  /**
   * Creates the rewriter for Avatica classes living in {@code runtimePackage}. The original package
   * name is derived, not written down, because the shade plugin would relocate that literal too.
   */
  ShadedClassNames(String runtimePackage) {
    requireNonNull(runtimePackage, "runtimePackage");
    this.userPackagePrefix = runtimePackage.startsWith(SHADED_PREFIX)
        ? runtimePackage.substring(SHADED_PREFIX.length()) + "."
        : null;
  }

  /** The rewriter for the Avatica classes this driver runs with. */
  static ShadedClassNames current() {
    return new ShadedClassNames(AvaticaConnection.class.getPackageName());
  }

  /** Whether this jar relocates Avatica, i.e. whether this is the shaded jar. */
  boolean relocates() {
    return userPackagePrefix != null;
  }

  /** The name to load for {@code className}: relocated when it is one of Avatica's own classes. */
  String resolve(String className) {
    requireNonNull(className, "className");
    String trimmed = className.trim();
    if (userPackagePrefix != null && trimmed.startsWith(userPackagePrefix)) {
      return SHADED_PREFIX + trimmed;
    }
    return className;
  }

  /** The inverse of {@link #resolve}: Avatica's own name for a relocated Avatica class. */
  String unshade(String className) {
    requireNonNull(className, "className");
    if (userPackagePrefix != null && className.startsWith(SHADED_PREFIX + userPackagePrefix)) {
      return className.substring(SHADED_PREFIX.length());
    }
    return className;
  }
}
