package io.lakegate.bench;

/** Error text for the report: one line, the exception's own message, bounded in length. */
final class Errors {
  private static final int MAX = 300;

  private Errors() {
  }

  static String oneLine(Throwable error) {
    String message = error.getMessage();
    String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }
}
