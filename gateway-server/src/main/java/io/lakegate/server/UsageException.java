package io.lakegate.server;

/** A wrong command line or environment variable; the message is the one line shown to the user (exit code 2). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
