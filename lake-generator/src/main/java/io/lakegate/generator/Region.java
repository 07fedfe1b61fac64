package io.lakegate.generator;

/** Partner regions, with their share of partners and their premium level. */
enum Region {
  US_EAST("US-East", 0.30, 1.05),
  US_WEST("US-West", 0.20, 1.10),
  EU("EU", 0.25, 0.95),
  UK("UK", 0.15, 0.90),
  APAC("APAC", 0.10, 0.80);

  private final String sqlName;
  private final double partnerShare;
  private final double premiumFactor;

  Region(String sqlName, double partnerShare, double premiumFactor) {
    this.sqlName = sqlName;
    this.partnerShare = partnerShare;
    this.premiumFactor = premiumFactor;
  }

  /** The value stored in the lake. */
  String sqlName() {
    return sqlName;
  }

  double partnerShare() {
    return partnerShare;
  }

  /** Multiplies every list premium quoted by a partner of this region. */
  double premiumFactor() {
    return premiumFactor;
  }
}
