package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code quote_outcomes}, in model.json column order; NULL columns are null.
 *
 * @param date the quote's day (partition column)
 * @param quoteId unique, increasing with {@code quotedAt}
 * @param partnerId the partner
 * @param network sales network
 * @param product product line
 * @param outcome won, lost, expired, declined or error
 * @param quotedAt when the quote was made, within {@code date} (UTC)
 * @param decidedAt when the customer decided; null for expired and error
 * @param listPremium premium before discount, scale 2
 * @param finalPremium premium paid, scale 2; null unless won
 * @param giveaway {@code listPremium - finalPremium}, scale 2; null unless won
 * @param riskScore underwriting score in [0, 1]; null when not scored
 * @param customerId customer reference; null for anonymous quotes
 * @param isRenewal whether the quote renews a policy
 * @param responseMs time to answer the quote request
 */
public record QuoteOutcomeRow(
    LocalDate date,
    long quoteId,
    int partnerId,
    String network,
    String product,
    String outcome,
    Instant quotedAt,
    Instant decidedAt,
    BigDecimal listPremium,
    BigDecimal finalPremium,
    BigDecimal giveaway,
    Double riskScore,
    String customerId,
    boolean isRenewal,
    int responseMs) {

  public QuoteOutcomeRow {
    requireNonNull(date, "date");
    requireNonNull(network, "network");
    requireNonNull(product, "product");
    requireNonNull(outcome, "outcome");
    requireNonNull(quotedAt, "quotedAt");
    requireNonNull(listPremium, "listPremium");
    Decimals.requireScale(listPremium, 2, "list_premium");
    Decimals.requireScale(finalPremium, 2, "final_premium");
    Decimals.requireScale(giveaway, 2, "giveaway");
  }

  /** The values in model.json column order (partition column first), nulls included. */
  public List<Object> values() {
    return Arrays.asList(date, quoteId, partnerId, network, product, outcome, quotedAt, decidedAt, listPremium,
        finalPremium, giveaway, riskScore, customerId, isRenewal, responseMs);
  }
}
