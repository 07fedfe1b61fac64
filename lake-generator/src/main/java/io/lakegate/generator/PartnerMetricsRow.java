package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code partner_metrics}, in model.json column order; NULL columns are null.
 *
 * @param date the metric day (partition column)
 * @param partnerId the partner
 * @param network sales network
 * @param region the partner's region
 * @param quotesRequested quotes requested that day
 * @param quotesWon quotes won that day, at most {@code quotesRequested}
 * @param grossPremium premium of won quotes before giveaway, scale 2
 * @param giveaway discount conceded on won quotes, scale 2
 * @param giveawayRate {@code giveaway / grossPremium}; null when nothing was won
 * @param avgResponseMs mean response time; null when telemetry was missing
 * @param p95ResponseMs 95th-percentile response time; null with {@code avgResponseMs}
 * @param isPartnerActive whether the partner was under contract that day
 * @param loadedAt when the row was loaded (UTC), early the next day
 */
public record PartnerMetricsRow(
    LocalDate date,
    int partnerId,
    String network,
    String region,
    long quotesRequested,
    int quotesWon,
    BigDecimal grossPremium,
    BigDecimal giveaway,
    Double giveawayRate,
    Double avgResponseMs,
    Integer p95ResponseMs,
    boolean isPartnerActive,
    Instant loadedAt) {

  public PartnerMetricsRow {
    requireNonNull(date, "date");
    requireNonNull(network, "network");
    requireNonNull(region, "region");
    requireNonNull(grossPremium, "grossPremium");
    requireNonNull(giveaway, "giveaway");
    requireNonNull(loadedAt, "loadedAt");
    Decimals.requireScale(grossPremium, 2, "gross_premium");
    Decimals.requireScale(giveaway, 2, "giveaway");
  }

  /** The values in model.json column order (partition column first), nulls included. */
  public List<Object> values() {
    return Arrays.asList(date, partnerId, network, region, quotesRequested, quotesWon, grossPremium, giveaway,
        giveawayRate, avgResponseMs, p95ResponseMs, isPartnerActive, loadedAt);
  }
}
