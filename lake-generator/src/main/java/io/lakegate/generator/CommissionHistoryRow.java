package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code commission_history}, in model.json column order; NULL columns are null.
 *
 * @param partnerId the partner (partition column)
 * @param network the network the terms apply to
 * @param effectiveFrom first day of the terms
 * @param effectiveTo last day of the terms; null for current terms
 * @param commissionRate share of final premium paid as commission, scale 4
 * @param flatFee fixed fee per won quote, scale 2; null when the terms have none
 * @param tier bronze, silver, gold or platinum
 * @param changedAt when the change was recorded (UTC), before {@code effectiveFrom}
 * @param changedBy who made the change; null for automatic changes
 */
public record CommissionHistoryRow(
    int partnerId,
    String network,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    BigDecimal commissionRate,
    BigDecimal flatFee,
    String tier,
    Instant changedAt,
    String changedBy) {

  public CommissionHistoryRow {
    requireNonNull(network, "network");
    requireNonNull(effectiveFrom, "effectiveFrom");
    requireNonNull(commissionRate, "commissionRate");
    requireNonNull(tier, "tier");
    requireNonNull(changedAt, "changedAt");
    Decimals.requireScale(commissionRate, 4, "commission_rate");
    Decimals.requireScale(flatFee, 2, "flat_fee");
  }

  /** The values in model.json column order (partition column first), nulls included. */
  public List<Object> values() {
    return Arrays.asList(partnerId, network, effectiveFrom, effectiveTo, commissionRate, flatFee, tier, changedAt,
        changedBy);
  }
}
