package io.lakegate.generator;

import java.util.Locale;

/** Product lines, with the typical yearly premium and renewal share the generator gives each. */
enum Product {
  AUTO(1100.0, 0.25),
  HOME(1350.0, 0.30),
  TRAVEL(95.0, 0.02),
  PET(480.0, 0.20),
  LIFE(1900.0, 0.10),
  BUSINESS(4200.0, 0.22);

  private final String sqlName = name().toLowerCase(Locale.ROOT);
  private final double basePremium;
  private final double renewalShare;

  Product(double basePremium, double renewalShare) {
    this.basePremium = basePremium;
    this.renewalShare = renewalShare;
  }

  /** The value stored in the lake. */
  String sqlName() {
    return sqlName;
  }

  /** Median list premium before the region factor. */
  double basePremium() {
    return basePremium;
  }

  /** Probability that a quote of this product renews an existing policy. */
  double renewalShare() {
    return renewalShare;
  }
}
