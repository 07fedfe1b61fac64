package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Shares a requested total row count out among the tables and days, deterministically and before
 * any row is drawn, so that every partition knows its size and its first quote id on its own.
 *
 * <p>{@code partner_metrics} aims at {@value #METRICS_SHARE_PERCENT}% of the rows but cannot
 * exceed its grain (one row per active day and partner channel: 324,532 rows for seed 42); small
 * channels report on fewer days. {@code commission_history} is fixed by the partner set.
 * {@code quote_outcomes} takes the rest, spread over the days by {@link LakeCalendar#volumeWeight}
 * and by how many partners were active.
 */
final class VolumePlan {
  static final int METRICS_SHARE_PERCENT = 19;
  /**
   * Below 1 flattens presence: a channel 100x smaller than another that does not report every day
   * reports about 30x less often, so small channels have few rows but rarely empty ones.
   */
  private static final double PRESENCE_EXPONENT = 0.75;

  private final long[] quoteRows;
  private final long[] firstQuoteId;
  private final double[] activeWeight;
  private final double[] presence;
  private final long totalQuoteRows;
  private final double expectedMetricsRows;
  private final long commissionRows;

  private VolumePlan(long[] quoteRows, long[] firstQuoteId, double[] activeWeight, double[] presence,
      long totalQuoteRows, double expectedMetricsRows, long commissionRows) {
    this.quoteRows = quoteRows;
    this.firstQuoteId = firstQuoteId;
    this.activeWeight = activeWeight;
    this.presence = presence;
    this.totalQuoteRows = totalQuoteRows;
    this.expectedMetricsRows = expectedMetricsRows;
    this.commissionRows = commissionRows;
  }

  static VolumePlan create(long rows, PartnerUniverse universe, long commissionRows) {
    requireNonNull(universe, "universe");
    List<LocalDate> days = LakeCalendar.days();
    List<PartnerChannel> channels = universe.channels();
    double[] activeWeight = new double[days.size()];
    int[] activeDays = new int[channels.size()];
    for (int d = 0; d < days.size(); d++) {
      for (PartnerChannel channel : channels) {
        double activity = channel.partner().activity(days.get(d));
        if (activity > 0) {
          activeWeight[d] += channel.weight() * activity;
          activeDays[channel.index()]++;
        }
      }
    }

    double metricsTarget = rows * METRICS_SHARE_PERCENT / 100.0;
    double[] presence = presence(channels, activeDays, metricsTarget);
    double expectedMetrics = 0;
    for (PartnerChannel channel : channels) {
      expectedMetrics += activeDays[channel.index()] * presence[channel.index()];
    }

    long quotes = Math.max(rows / 2, rows - Math.round(expectedMetrics) - commissionRows);
    double[] dayVolume = new double[days.size()];
    double totalVolume = 0;
    for (int d = 0; d < days.size(); d++) {
      dayVolume[d] = LakeCalendar.volumeWeight(days.get(d)) * activeWeight[d];
      totalVolume += dayVolume[d];
    }
    // Cumulative rounding: day sizes always add up to the total exactly.
    long[] quoteRows = new long[days.size()];
    long[] firstQuoteId = new long[days.size()];
    double cumulative = 0;
    long assigned = 0;
    for (int d = 0; d < days.size(); d++) {
      cumulative += dayVolume[d];
      long upTo = d == days.size() - 1 ? quotes : Math.round(quotes * cumulative / totalVolume);
      firstQuoteId[d] = assigned + 1;
      quoteRows[d] = upTo - assigned;
      assigned = upTo;
    }
    return new VolumePlan(quoteRows, firstQuoteId, activeWeight, presence, quotes, expectedMetrics,
        commissionRows);
  }

  /**
   * Probability that a channel has a metrics row on an active day: {@code min(1, lambda * g)} with
   * g growing with the channel's volume, lambda found by bisection so the expected count meets
   * the target (or every active day has a row, when the target exceeds the grain).
   */
  private static double[] presence(List<PartnerChannel> channels, int[] activeDays, double target) {
    double maxWeight = channels.stream().mapToDouble(PartnerChannel::weight).max().orElse(1);
    double[] g = new double[channels.size()];
    double capacity = 0;
    double minG = Double.MAX_VALUE;
    for (PartnerChannel channel : channels) {
      g[channel.index()] = StrictMath.pow(channel.weight() / maxWeight, PRESENCE_EXPONENT);
      minG = Math.min(minG, g[channel.index()]);
      capacity += activeDays[channel.index()];
    }
    double[] presence = new double[channels.size()];
    if (capacity <= target) {
      Arrays.fill(presence, 1.0);
      return presence;
    }
    double low = 0;
    double high = 1 / minG;
    for (int step = 0; step < 60; step++) {
      double lambda = (low + high) / 2;
      double expected = 0;
      for (int c = 0; c < g.length; c++) {
        expected += activeDays[c] * Math.min(1, lambda * g[c]);
      }
      if (expected < target) {
        low = lambda;
      } else {
        high = lambda;
      }
    }
    for (int c = 0; c < g.length; c++) {
      presence[c] = Math.min(1, low * g[c]);
    }
    return presence;
  }

  /** Number of quotes made on the day with this index. */
  long quoteRows(int dayIndex) {
    return quoteRows[dayIndex];
  }

  /** The id of the day's first quote; ids are consecutive over the calendar. */
  long firstQuoteId(int dayIndex) {
    return firstQuoteId[dayIndex];
  }

  long totalQuoteRows() {
    return totalQuoteRows;
  }

  /** Probability that an active channel has a {@code partner_metrics} row on a given day. */
  double presence(PartnerChannel channel) {
    return presence[channel.index()];
  }

  /** The number of quotes a channel is expected to make on a day, matching {@code quote_outcomes}. */
  double expectedQuotes(PartnerChannel channel, LocalDate day) {
    int d = LakeCalendar.dayIndex(day);
    if (activeWeight[d] == 0) {
      return 0;
    }
    return quoteRows[d] * channel.weight() * channel.partner().activity(day) / activeWeight[d];
  }

  double expectedMetricsRows() {
    return expectedMetricsRows;
  }

  long commissionRows() {
    return commissionRows;
  }

  /** Size of the customer id space: a customer asks for a quote about twice over the calendar. */
  long customerPool() {
    return Math.max(1_000, totalQuoteRows * 6 / 10);
  }
}
