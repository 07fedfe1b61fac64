package io.lakegate.generator;

/** A command line the generator cannot accept; the message is one line naming the bad argument. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
