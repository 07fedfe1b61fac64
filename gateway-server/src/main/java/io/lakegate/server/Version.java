package io.lakegate.server;

/** The gateway's version, from the jar manifest ({@code dev} when running from classes). */
final class Version {
  private Version() {
  }

  static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
