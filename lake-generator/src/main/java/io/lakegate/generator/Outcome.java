package io.lakegate.generator;

import java.util.Locale;

/** What became of a quote. Only {@link #WON} has a final premium; expired and error quotes were never decided. */
enum Outcome {
  WON,
  LOST,
  EXPIRED,
  DECLINED,
  ERROR;

  private final String sqlName = name().toLowerCase(Locale.ROOT);

  /** The value stored in the lake. */
  String sqlName() {
    return sqlName;
  }

  /** Whether a customer decision (and so {@code decided_at}) exists. */
  boolean decided() {
    return this != EXPIRED && this != ERROR;
  }
}
