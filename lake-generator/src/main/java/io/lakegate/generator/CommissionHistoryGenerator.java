package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates {@code commission_history}: for each of a partner's networks, a chain of terms from
 * its contract start, renegotiated every few months, the last one open-ended (NULL
 * {@code effective_to}) unless the partner churned. Depends on the seed only, not on the row count.
 */
final class CommissionHistoryGenerator {
  static final String TABLE = "commission_history";
  private static final double NO_FLAT_FEE_SHARE = 0.40;
  private static final double AUTOMATIC_CHANGE_SHARE = 0.25;
  private static final List<String> STAFF = List.of("a.moreau", "b.okafor", "c.lindqvist", "d.ramirez",
      "e.tanaka", "f.hughes", "g.schneider", "h.patel", "i.rossi", "j.kowalski");
  private static final long DAY_MS = 86_400_000L;

  private final long seed;
  private final PartnerUniverse universe;

  CommissionHistoryGenerator(long seed, PartnerUniverse universe) {
    this.seed = seed;
    this.universe = requireNonNull(universe, "universe");
  }

  /** The terms of one partner, by network then {@code effective_from}; a handful of rows. */
  List<CommissionHistoryRow> rows(int partnerId) {
    Partner partner = universe.partner(partnerId);
    SplittableRandom rng = new SplittableRandom(Seeds.of(seed, TABLE, partnerId));
    List<CommissionHistoryRow> rows = new ArrayList<>();
    for (PartnerChannel channel : universe.channelsOf(partner)) {
      addTerms(rows, rng, partner, channel.network());
    }
    return rows;
  }

  private static void addTerms(List<CommissionHistoryRow> rows, SplittableRandom rng, Partner partner,
      Network network) {
    int maxTerms = 1 + (partner.volumeRank() <= 40 ? rng.nextInt(4) : rng.nextInt(3));
    LocalDate lastDay = partner.contractEnd() != null ? partner.contractEnd() : LakeCalendar.LAST_DAY;
    List<LocalDate> starts = new ArrayList<>();
    starts.add(partner.contractStart());
    while (starts.size() < maxTerms) {
      LocalDate next = starts.get(starts.size() - 1).plusDays(90 + rng.nextInt(331));
      if (!next.isBefore(lastDay)) {
        break;
      }
      starts.add(next);
    }
    Tier usual = Tier.forVolumeRank(partner.volumeRank());
    Tier tier = Draws.chance(rng, 0.4) ? usual.lower() : usual;
    double rate = network.commissionRate() * Draws.uniform(rng, 0.8, 1.2);
    for (int i = 0; i < starts.size(); i++) {
      if (i > 0) {
        rate = Math.min(0.35, Math.max(0.01, rate * Draws.uniform(rng, 0.90, 1.15)));
        if (tier != usual && Draws.chance(rng, 0.5)) {
          tier = usual;
        }
      }
      LocalDate from = starts.get(i);
      LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : partner.contractEnd();
      BigDecimal flatFee = Draws.chance(rng, NO_FLAT_FEE_SHARE)
          ? null
          : BigDecimal.valueOf(Math.round(Draws.uniform(rng, 0.50, network.maxFlatFee()) * 100), 2);
      long recordedDaysBefore = 1 + rng.nextInt(30);
      long timeOfDay = 8 * 3_600_000L + rng.nextLong(10 * 3_600_000L);
      Instant changedAt = Instant.ofEpochMilli(
          LakeCalendar.startMillis(from) - recordedDaysBefore * DAY_MS + timeOfDay);
      String changedBy = Draws.chance(rng, AUTOMATIC_CHANGE_SHARE) ? null : STAFF.get(rng.nextInt(STAFF.size()));
      rows.add(new CommissionHistoryRow(partner.id(), network.sqlName(), from, to,
          BigDecimal.valueOf(Math.round(rate * 10_000), 4), flatFee, tier.sqlName(), changedAt, changedBy));
    }
  }
}
