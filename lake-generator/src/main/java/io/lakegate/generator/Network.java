package io.lakegate.generator;

import java.util.Locale;

/**
 * Sales networks, with everything about a quote that depends on the network it came through:
 * its share of partners, its outcome mix, its product mix, the discounts it concedes, its
 * response times and its commission level.
 */
enum Network {
  //        share  outcomes: won  lost expired declined error   products: auto home travel pet life business
  DIRECT(0.34, new double[] {0.27, 0.43, 0.18, 0.10, 0.02}, new double[] {0.30, 0.25, 0.15, 0.10, 0.12, 0.08},
      0.02, 0.08, 1.00, 0.0800, 5.00),
  AGGREGATOR(0.28, new double[] {0.15, 0.58, 0.17, 0.08, 0.02}, new double[] {0.45, 0.25, 0.18, 0.07, 0.03, 0.02},
      0.05, 0.15, 0.80, 0.1200, 2.50),
  BROKER(0.18, new double[] {0.24, 0.42, 0.16, 0.16, 0.02}, new double[] {0.20, 0.20, 0.05, 0.05, 0.20, 0.30},
      0.03, 0.10, 1.30, 0.1500, 25.00),
  EMBEDDED(0.12, new double[] {0.24, 0.40, 0.26, 0.08, 0.02}, new double[] {0.10, 0.10, 0.45, 0.30, 0.03, 0.02},
      0.00, 0.05, 0.90, 0.1000, 1.50),
  API(0.08, new double[] {0.20, 0.46, 0.18, 0.10, 0.06}, new double[] {0.30, 0.20, 0.20, 0.10, 0.05, 0.15},
      0.04, 0.12, 0.60, 0.0700, 3.00);

  private final String sqlName = name().toLowerCase(Locale.ROOT);
  private final double partnerShare;
  private final double[] outcomeWeights;
  private final double[] productWeights;
  private final WeightedChoice outcomes;
  private final WeightedChoice products;
  private final double minDiscount;
  private final double maxDiscount;
  private final double latencyFactor;
  private final double commissionRate;
  private final double maxFlatFee;

  Network(double partnerShare, double[] outcomeWeights, double[] productWeights, double minDiscount,
      double maxDiscount, double latencyFactor, double commissionRate, double maxFlatFee) {
    this.partnerShare = partnerShare;
    this.outcomeWeights = outcomeWeights.clone();
    this.productWeights = productWeights.clone();
    this.outcomes = WeightedChoice.of(outcomeWeights);
    this.products = WeightedChoice.of(productWeights);
    this.minDiscount = minDiscount;
    this.maxDiscount = maxDiscount;
    this.latencyFactor = latencyFactor;
    this.commissionRate = commissionRate;
    this.maxFlatFee = maxFlatFee;
  }

  /** The value stored in the lake. */
  String sqlName() {
    return sqlName;
  }

  /** Probability that a partner's main network is this one. */
  double partnerShare() {
    return partnerShare;
  }

  Outcome outcome(double u) {
    return Outcome.values()[outcomes.pick(u)];
  }

  Product product(double u) {
    return Product.values()[products.pick(u)];
  }

  /** Share of quotes through this network that are won. */
  double winRate() {
    return outcomeWeights[Outcome.WON.ordinal()];
  }

  /** Discount on a won quote that got one, as a fraction of the list premium. */
  double discount(double u) {
    return minDiscount + (maxDiscount - minDiscount) * u;
  }

  /** Mean discount over all won quotes, counting the undiscounted ones. */
  double meanDiscount() {
    return (1 - QuoteOutcomeGenerator.UNDISCOUNTED_SHARE) * (minDiscount + maxDiscount) / 2;
  }

  /** Mean list premium of one quote through this network, before the region factor. */
  double meanPremium() {
    double sum = 0;
    double total = 0;
    for (Product product : Product.values()) {
      sum += productWeights[product.ordinal()] * product.basePremium();
      total += productWeights[product.ordinal()];
    }
    // The lognormal noise of list premiums lifts the mean above the median.
    double sigma = QuoteOutcomeGenerator.PREMIUM_SIGMA;
    return sum / total * StrictMath.exp(sigma * sigma / 2);
  }

  /** Multiplies a partner's base response time. */
  double latencyFactor() {
    return latencyFactor;
  }

  /** Typical commission rate of the network, before partner adjustments. */
  double commissionRate() {
    return commissionRate;
  }

  /** Largest flat fee per won quote. */
  double maxFlatFee() {
    return maxFlatFee;
  }
}
