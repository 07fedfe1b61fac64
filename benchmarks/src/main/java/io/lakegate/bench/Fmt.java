package io.lakegate.bench;

import java.util.Locale;

/** Number formats of the report: milliseconds with sensible precision, ratios, sizes; "–" for missing. */
final class Fmt {
  static final String NONE = "–";

  private Fmt() {
  }

  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return NONE;
    }
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? NONE : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  static String count(long value) {
    return value < 0 ? NONE : String.format(Locale.ROOT, "%,d", value);
  }

  static String bytes(long bytes) {
    if (bytes < 0) {
      return NONE;
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  static String decimal(double value, int digits) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%." + digits + "f", value);
  }
}
