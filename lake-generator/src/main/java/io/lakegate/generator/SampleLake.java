package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The sample lake: a deterministic function of a seed and an approximate total row count, seen
 * either as plain Java rows (for tests that compute expected answers without reading parquet)
 * or as the parquet lake {@link #write} produces from exactly those rows.
 *
 * <pre>{@code
 * SampleLake lake = SampleLake.builder().seed(42).rows(200_000).build();
 * long won = lake.quoteOutcomes().filter(q -> q.outcome().equals("won")).count();
 * lake.write(Path.of("sample-lake"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; every stream is recomputed on each call.
 */
public final class SampleLake {
  public static final String PARTNER_METRICS = "partner_metrics";
  public static final String QUOTE_OUTCOMES = "quote_outcomes";
  public static final String COMMISSION_HISTORY = "commission_history";
  public static final long DEFAULT_SEED = 42;
  public static final long DEFAULT_ROWS = 1_000_000;
  /** Below this the fixed partners and calendar would leave almost no quotes. */
  public static final long MIN_ROWS = 10_000;
  /** Keeps one day of quotes within an array. */
  public static final long MAX_ROWS = 10_000_000_000L;

  private final long seed;
  private final long rows;
  private final PartnerUniverse universe;
  private final QuoteOutcomeGenerator quotes;
  private final PartnerMetricsGenerator metrics;
  private final CommissionHistoryGenerator commissions;

  private SampleLake(long seed, long rows) {
    this.seed = seed;
    this.rows = rows;
    this.universe = PartnerUniverse.create(seed);
    this.commissions = new CommissionHistoryGenerator(seed, universe);
    long commissionRows = universe.partners().stream().mapToLong(p -> commissions.rows(p.id()).size()).sum();
    VolumePlan plan = VolumePlan.create(rows, universe, commissionRows);
    this.quotes = new QuoteOutcomeGenerator(seed, universe, plan);
    this.metrics = new PartnerMetricsGenerator(seed, universe, plan);
  }

  public static Builder builder() {
    return new Builder();
  }

  public long seed() {
    return seed;
  }

  /** The requested approximate total row count over all tables. */
  public long rows() {
    return rows;
  }

  /** The days of the lake, which are the {@code date} partitions of both dated tables. */
  public List<LocalDate> dates() {
    return LakeCalendar.days();
  }

  /** Partner ids 1..400, which are the {@code partner_id} partitions of {@code commission_history}. */
  public List<Integer> partnerIds() {
    return IntStream.rangeClosed(1, PartnerUniverse.PARTNER_COUNT).boxed().toList();
  }

  /** Every {@code partner_metrics} row, by date, partner id and network. */
  public Stream<PartnerMetricsRow> partnerMetrics() {
    return dates().stream().flatMap(this::partnerMetrics);
  }

  /** The {@code partner_metrics} rows of one day. */
  public Stream<PartnerMetricsRow> partnerMetrics(LocalDate date) {
    return metrics.rows(date).stream();
  }

  /** Every {@code quote_outcomes} row, by date and then {@code quoted_at} (and so by {@code quote_id}). */
  public Stream<QuoteOutcomeRow> quoteOutcomes() {
    return dates().stream().flatMap(this::quoteOutcomes);
  }

  /** The {@code quote_outcomes} rows of one day, streamed. */
  public Stream<QuoteOutcomeRow> quoteOutcomes(LocalDate date) {
    long count = quotes.rowCount(date);
    Iterator<QuoteOutcomeRow> iterator = quotes.rows(date);
    return StreamSupport.stream(Spliterators.spliterator(iterator, count,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
  }

  /** Every {@code commission_history} row, by partner id, network and {@code effective_from}. */
  public Stream<CommissionHistoryRow> commissionHistory() {
    return partnerIds().stream().flatMap(this::commissionHistory);
  }

  /** The {@code commission_history} rows of one partner. */
  public Stream<CommissionHistoryRow> commissionHistory(int partnerId) {
    return commissions.rows(partnerId).stream();
  }

  /** Writes the lake with {@link WriteOptions#defaults()}. */
  public LakeSummary write(Path out) throws IOException {
    return write(out, WriteOptions.defaults());
  }

  /**
   * Writes the lake under {@code out}: {@code <table>/<column>=<value>/part-NNNNN.parquet}, then
   * {@code lake.json}. A previous lake there is replaced.
   *
   * @throws LakeGenerationException when {@code out} holds other files and {@code options.force()} is false
   * @throws IOException when a file cannot be written; the lake then has no {@code lake.json}
   */
  public LakeSummary write(Path out, WriteOptions options) throws IOException {
    requireNonNull(out, "out");
    return new LakeWriter(this, options).write(out);
  }

  /** Every partition of every table, small tables first so that their log lines come first. */
  List<LakePartition<?>> partitions() {
    List<LakePartition<?>> partitions = new ArrayList<>();
    CommissionHistoryFormat commissionFormat = new CommissionHistoryFormat();
    for (int partnerId : partnerIds()) {
      partitions.add(new LakePartition<>(COMMISSION_HISTORY, "partner_id", Integer.toString(partnerId),
          commissionFormat, () -> commissions.rows(partnerId).iterator()));
    }
    PartnerMetricsFormat metricsFormat = new PartnerMetricsFormat();
    for (LocalDate date : dates()) {
      partitions.add(new LakePartition<>(PARTNER_METRICS, "date", date.toString(), metricsFormat,
          () -> metrics.rows(date).iterator()));
    }
    QuoteOutcomeFormat quoteFormat = new QuoteOutcomeFormat();
    for (LocalDate date : dates()) {
      partitions.add(new LakePartition<>(QUOTE_OUTCOMES, "date", date.toString(), quoteFormat,
          () -> quotes.rows(date)));
    }
    return partitions;
  }

  /** Builds a {@link SampleLake}; defaults: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_ROWS} rows. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private long rows = DEFAULT_ROWS;

    private Builder() {
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Approximate total rows over all tables, {@value #MIN_ROWS} to {@value #MAX_ROWS}. */
    public Builder rows(long value) {
      if (value < MIN_ROWS || value > MAX_ROWS) {
        throw new IllegalArgumentException("rows must be between " + MIN_ROWS + " and " + MAX_ROWS + ", got "
            + value);
      }
      this.rows = value;
      return this;
    }

    public SampleLake build() {
      return new SampleLake(seed, rows);
    }
  }
}
