package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the {@code partner_metrics} rows of one day, ordered by partner id and network.
 *
 * <p>Values follow the volume {@link VolumePlan} gives {@code quote_outcomes} for the same
 * channel and day (same expectation, independent draws), so the two tables agree in aggregate
 * without being an exact rollup.
 */
final class PartnerMetricsGenerator {
  static final String TABLE = "partner_metrics";
  static final double MISSING_TELEMETRY_SHARE = 0.03;
  private static final int EXACT_WIN_DRAWS_UP_TO = 50;
  private static final long LOAD_HOUR_MS = 2 * 3_600_000L;
  private static final long LOAD_WINDOW_MS = 90 * 60_000L;

  private final long seed;
  private final PartnerUniverse universe;
  private final VolumePlan plan;

  PartnerMetricsGenerator(long seed, PartnerUniverse universe, VolumePlan plan) {
    this.seed = seed;
    this.universe = requireNonNull(universe, "universe");
    this.plan = requireNonNull(plan, "plan");
  }

  /** The day's rows; at most one per partner channel, so a list is small enough. */
  List<PartnerMetricsRow> rows(LocalDate day) {
    SplittableRandom rng = new SplittableRandom(Seeds.of(seed, TABLE, LakeCalendar.dayIndex(day)));
    long loadBase = LakeCalendar.startMillis(day.plusDays(1)) + LOAD_HOUR_MS;
    List<PartnerMetricsRow> rows = new ArrayList<>();
    for (PartnerChannel channel : universe.channels()) {
      Partner partner = channel.partner();
      double presence = plan.presence(channel);
      if (partner.activity(day) == 0 || !Draws.chance(rng, presence)) {
        continue;
      }
      Network network = channel.network();
      double expected = plan.expectedQuotes(channel, day) / presence;
      long requested = (long) Math.floor(expected * Draws.lognormal(rng, 0.2) + rng.nextDouble());
      int won = wonQuotes(rng, requested, network.winRate() * Draws.lognormal(rng, 0.1));

      long grossCents = 0;
      long giveawayCents = 0;
      Double giveawayRate = null;
      if (won > 0) {
        double meanPremium = network.meanPremium() * partner.region().premiumFactor();
        double spread = 0.45 / Math.sqrt(won);
        grossCents = Math.max(won * 500L, Math.round(won * meanPremium * Draws.lognormal(rng, spread) * 100));
        double share = Math.min(0.5, network.meanDiscount() * Draws.lognormal(rng, 0.25));
        giveawayCents = Math.round(grossCents * share);
        giveawayRate = (double) giveawayCents / grossCents;
      }

      Double avgResponse = null;
      Integer p95Response = null;
      if (!Draws.chance(rng, MISSING_TELEMETRY_SHARE)) {
        double avg = partner.baseLatencyMs() * network.latencyFactor() * Draws.lognormal(rng, 0.15);
        avgResponse = Draws.round(avg, 1);
        p95Response = (int) Math.round(avg * Draws.uniform(rng, 1.9, 2.8));
      }
      Instant loadedAt = Instant.ofEpochMilli(loadBase + rng.nextLong(LOAD_WINDOW_MS));
      rows.add(new PartnerMetricsRow(day, partner.id(), network.sqlName(), partner.region().sqlName(), requested,
          won, BigDecimal.valueOf(grossCents, 2), BigDecimal.valueOf(giveawayCents, 2), giveawayRate, avgResponse,
          p95Response, partner.underContract(day), loadedAt));
    }
    return rows;
  }

  /** Binomial(requested, rate): drawn exactly for small counts, by its normal approximation beyond. */
  private static int wonQuotes(SplittableRandom rng, long requested, double rate) {
    double p = Math.min(0.95, rate);
    if (requested <= EXACT_WIN_DRAWS_UP_TO) {
      int won = 0;
      for (long i = 0; i < requested; i++) {
        if (rng.nextDouble() < p) {
          won++;
        }
      }
      return won;
    }
    double mean = requested * p;
    double sd = Math.sqrt(requested * p * (1 - p));
    return (int) Math.max(0, Math.min(requested, Math.round(mean + sd * Draws.normal(rng))));
  }
}
