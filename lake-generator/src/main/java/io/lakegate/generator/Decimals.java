package io.lakegate.generator;

import java.math.BigDecimal;

/** Checks that money values carry exactly the scale their column declares, as parquet stores unscaled integers. */
final class Decimals {
  private Decimals() {
  }

  static BigDecimal requireScale(BigDecimal value, int scale, String column) {
    if (value != null && value.scale() != scale) {
      throw new IllegalArgumentException(column + " must have scale " + scale + ", got " + value.toPlainString());
    }
    return value;
  }

  /** The unscaled value of {@code value} at {@code scale}, failing rather than rounding. */
  static long unscaled(BigDecimal value, int scale) {
    return value.setScale(scale).unscaledValue().longValueExact();
  }
}
