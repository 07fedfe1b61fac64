package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One partner of the sample lake and the facts every table derives from it.
 *
 * @param id partner id, 1..{@link PartnerUniverse#PARTNER_COUNT}
 * @param volumeRank 1 for the largest partner
 * @param weight the partner's share of all quotes while under contract (Zipf over the rank)
 * @param region the partner's region
 * @param contractStart first day under contract (may lie before the calendar)
 * @param contractEnd last day under contract, or null when the contract is still running
 * @param baseLatencyMs the partner's typical quote response time
 */
record Partner(int id, int volumeRank, double weight, Region region,
    LocalDate contractStart, LocalDate contractEnd, double baseLatencyMs) {

  /** Days before the contract starts during which a pilot sends some quotes. */
  static final int PILOT_DAYS = 21;
  /** Days after the contract ends during which late quotes still arrive. */
  static final int WIND_DOWN_DAYS = 30;

  Partner {
    requireNonNull(region, "region");
    requireNonNull(contractStart, "contractStart");
  }

  /** Whether the partner was under contract on {@code day}. */
  boolean underContract(LocalDate day) {
    return !day.isBefore(contractStart) && (contractEnd == null || !day.isAfter(contractEnd));
  }

  /**
   * The partner's quote volume on {@code day} relative to a contracted day: 1 under contract,
   * a little during the pilot before and the wind-down after, 0 otherwise.
   */
  double activity(LocalDate day) {
    if (underContract(day)) {
      return 1.0;
    }
    if (day.isBefore(contractStart) && !day.isBefore(contractStart.minusDays(PILOT_DAYS))) {
      return 0.25;
    }
    if (contractEnd != null && day.isAfter(contractEnd) && !day.isAfter(contractEnd.plusDays(WIND_DOWN_DAYS))) {
      return 0.10;
    }
    return 0.0;
  }
}
