package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generates the {@code quote_outcomes} rows of one day, streaming: only the day's sorted quote
 * times are held in memory, so rows come out ordered by {@code quoted_at} and {@code quote_id}
 * (which keeps row-group min/max statistics on both useful for skipping).
 */
final class QuoteOutcomeGenerator {
  static final String TABLE = "quote_outcomes";
  /** Share of won quotes that get no discount at all. */
  static final double UNDISCOUNTED_SHARE = 0.30;
  /** Log-standard-deviation of list premiums around the product's base premium. */
  static final double PREMIUM_SIGMA = 0.45;
  static final double UNSCORED_SHARE = 0.05;
  /** Anonymous share among new-business quotes; renewals always name the customer, about 8% overall. */
  static final double ANONYMOUS_NEW_BUSINESS_SHARE = 0.10;
  private static final long MIN_LIST_PREMIUM_CENTS = 500;
  private static final int TIMEOUT_MS = 30_000;
  private static final long MINUTE_MS = 60_000L;
  private static final long DAY_MS = 86_400_000L;
  /** Relative quote traffic per UTC hour: quiet at night, busiest in the afternoon. */
  private static final WeightedChoice HOURS = WeightedChoice.of(0.4, 0.3, 0.25, 0.25, 0.3, 0.5, 0.9, 1.5,
      2.2, 2.6, 2.8, 2.9, 2.8, 2.9, 3.0, 2.9, 2.7, 2.5, 2.2, 1.9, 1.6, 1.3, 0.9, 0.6);

  private final long seed;
  private final PartnerUniverse universe;
  private final VolumePlan plan;

  QuoteOutcomeGenerator(long seed, PartnerUniverse universe, VolumePlan plan) {
    this.seed = seed;
    this.universe = requireNonNull(universe, "universe");
    this.plan = requireNonNull(plan, "plan");
  }

  /** Number of rows {@link #rows(LocalDate)} returns for {@code day}. */
  long rowCount(LocalDate day) {
    return plan.quoteRows(LakeCalendar.dayIndex(day));
  }

  /** The day's quotes in {@code quoted_at} order. */
  Iterator<QuoteOutcomeRow> rows(LocalDate day) {
    int dayIndex = LakeCalendar.dayIndex(day);
    SplittableRandom rng = new SplittableRandom(Seeds.of(seed, TABLE, dayIndex));
    return new DayQuotes(day, rng, Math.toIntExact(plan.quoteRows(dayIndex)), plan.firstQuoteId(dayIndex));
  }

  /** The iterator over one day; owns that day's random stream. */
  private final class DayQuotes implements Iterator<QuoteOutcomeRow> {
    private final LocalDate day;
    private final SplittableRandom rng;
    private final long dayStart;
    private final long firstId;
    private final int[] millisOfDay;
    private final List<PartnerChannel> channels = new ArrayList<>();
    private final AliasTable channelChoice;
    private int next;

    DayQuotes(LocalDate day, SplittableRandom rng, int count, long firstId) {
      this.day = day;
      this.rng = rng;
      this.dayStart = LakeCalendar.startMillis(day);
      this.firstId = firstId;
      this.millisOfDay = new int[count];
      for (int i = 0; i < count; i++) {
        millisOfDay[i] = HOURS.pick(rng.nextDouble()) * 3_600_000 + rng.nextInt(3_600_000);
      }
      Arrays.sort(millisOfDay);
      double[] weights = new double[universe.channels().size()];
      for (PartnerChannel channel : universe.channels()) {
        double activity = channel.partner().activity(day);
        if (activity > 0) {
          weights[channels.size()] = channel.weight() * activity;
          channels.add(channel);
        }
      }
      this.channelChoice = count == 0 ? null : new AliasTable(Arrays.copyOf(weights, channels.size()));
    }

    @Override
    public boolean hasNext() {
      return next < millisOfDay.length;
    }

    @Override
    public QuoteOutcomeRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int i = next++;
      long quotedAt = dayStart + millisOfDay[i];
      PartnerChannel channel = channels.get(channelChoice.pick(rng.nextDouble()));
      Partner partner = channel.partner();
      Network network = channel.network();
      Product product = network.product(rng.nextDouble());
      Outcome outcome = network.outcome(rng.nextDouble());
      boolean renewal = Draws.chance(rng, product.renewalShare());
      String customerId = !renewal && Draws.chance(rng, ANONYMOUS_NEW_BUSINESS_SHARE)
          ? null : customerId(1 + rng.nextLong(plan.customerPool()));

      long listCents = Math.max(MIN_LIST_PREMIUM_CENTS, Math.round(product.basePremium()
          * partner.region().premiumFactor() * Draws.lognormal(rng, PREMIUM_SIGMA) * 100));
      BigDecimal finalPremium = null;
      BigDecimal giveaway = null;
      if (outcome == Outcome.WON) {
        double discount = Draws.chance(rng, UNDISCOUNTED_SHARE) ? 0 : network.discount(rng.nextDouble());
        long finalCents = Math.round(listCents * (1 - discount));
        finalPremium = BigDecimal.valueOf(finalCents, 2);
        giveaway = BigDecimal.valueOf(listCents - finalCents, 2);
      }
      Instant decidedAt = outcome.decided() ? Instant.ofEpochMilli(quotedAt + decisionDelay(outcome)) : null;
      Double riskScore = Draws.chance(rng, UNSCORED_SHARE) ? null : riskScore(outcome);
      return new QuoteOutcomeRow(day, firstId + i, partner.id(), network.sqlName(), product.sqlName(),
          outcome.sqlName(), Instant.ofEpochMilli(quotedAt), decidedAt, BigDecimal.valueOf(listCents, 2),
          finalPremium, giveaway, riskScore, customerId, renewal, responseMs(partner, network, outcome));
    }

    /** Customers decide on a won quote within hours, reject within a day or so; underwriting declines fast. */
    private long decisionDelay(Outcome outcome) {
      double delay;
      long cap;
      switch (outcome) {
        case WON:
          delay = 90 * MINUTE_MS * Draws.lognormal(rng, 1.5);
          cap = 14 * DAY_MS;
          break;
        case LOST:
          delay = 26 * 60 * MINUTE_MS * Draws.lognormal(rng, 1.0);
          cap = 30 * DAY_MS;
          break;
        default:
          delay = 4 * MINUTE_MS * Draws.lognormal(rng, 1.2);
          cap = 2 * DAY_MS;
          break;
      }
      return Math.max(1_000, Math.min(cap, Math.round(delay)));
    }

    private double riskScore(Outcome outcome) {
      double base = (rng.nextDouble() + rng.nextDouble()) / 2;
      double score;
      if (outcome == Outcome.DECLINED) {
        score = 0.55 + 0.45 * base;
      } else if (outcome == Outcome.WON) {
        score = 0.75 * base;
      } else {
        score = base;
      }
      return Draws.round(score, 4);
    }

    private int responseMs(Partner partner, Network network, Outcome outcome) {
      double ms = partner.baseLatencyMs() * network.latencyFactor() * Draws.lognormal(rng, 0.35);
      if (outcome == Outcome.ERROR) {
        return Draws.chance(rng, 0.15) ? TIMEOUT_MS : (int) Math.round(3 * ms);
      }
      return (int) Math.max(15, Math.round(ms));
    }
  }

  /** {@code C} and nine digits, built by hand: this runs once per row. */
  static String customerId(long number) {
    char[] chars = new char[10];
    chars[0] = 'C';
    long n = number;
    for (int i = 9; i >= 1; i--) {
      chars[i] = (char) ('0' + (int) (n % 10));
      n /= 10;
    }
    return new String(chars);
  }
}
