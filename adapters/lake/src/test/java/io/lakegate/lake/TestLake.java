package io.lakegate.lake;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A small real lake in a temp directory, laid out like the production one (the three tables of
 * model.json, Hive-style partitions), with the rows it holds kept as Java records so tests can
 * compute expected answers independently of Calcite.
 *
 * <p>quote_outcomes: 3 days across a month boundary, 40 quotes a day sorted by quote_id, row
 * groups of 10 rows; 2025-05-01 is split over two files; 2025-05-02 stores decimals as
 * FIXED_LEN_BYTE_ARRAY and uses ZSTD (the others SNAPPY). commission_history: partner_id=1..3,
 * plus an empty partner_id=4 directory. partner_metrics: 3 days x 3 partners x 2 networks.
 */
final class TestLake {
  static final List<LocalDate> DAYS =
      List.of(LocalDate.parse("2025-04-30"), LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-02"));
  static final int QUOTES_PER_DAY = 40;
  static final int ROW_GROUP_ROWS = 10;
  static final String[] NETWORKS = {"direct", "aggregator", "broker", "embedded", "api"};
  static final String[] PRODUCTS = {"auto", "home", "travel"};
  static final String[] OUTCOMES = {"won", "lost", "expired", "error"};

  /** One row of quote_outcomes. */
  record Quote(LocalDate date, long quoteId, int partnerId, String network, String product, String outcome,
      Instant quotedAt, Instant decidedAt, BigDecimal listPremium, BigDecimal finalPremium, BigDecimal giveaway,
      Double riskScore, String customerId, boolean isRenewal, int responseMs) {
  }

  /** One row of commission_history. */
  record Commission(int partnerId, String network, LocalDate effectiveFrom, LocalDate effectiveTo,
      BigDecimal commissionRate, BigDecimal flatFee, String tier, Instant changedAt, String changedBy) {
  }

  /** One row of partner_metrics. */
  record PartnerMetric(LocalDate date, int partnerId, String network, String region, long quotesRequested,
      int quotesWon, BigDecimal grossPremium, BigDecimal giveaway, Double giveawayRate, Double avgResponseMs,
      Integer p95ResponseMs, boolean isPartnerActive, Instant loadedAt) {
  }

  static final String QUOTE_SCHEMA = "message quote_outcomes {\n"
      + "  required int64 quote_id;\n"
      + "  required int32 partner_id;\n"
      + "  required binary network (STRING);\n"
      + "  required binary product (STRING);\n"
      + "  required binary outcome (STRING);\n"
      + "  required int64 quoted_at (TIMESTAMP(MILLIS,true));\n"
      + "  optional int64 decided_at (TIMESTAMP(MILLIS,true));\n"
      + "  required %1$s list_premium (DECIMAL(12,2));\n"
      + "  optional %1$s final_premium (DECIMAL(12,2));\n"
      + "  optional %1$s giveaway (DECIMAL(12,2));\n"
      + "  optional double risk_score;\n"
      + "  optional binary customer_id (STRING);\n"
      + "  required boolean is_renewal;\n"
      + "  required int32 response_ms;\n"
      + "  optional binary ignored_extra (STRING);\n"
      + "}";

  static final String COMMISSION_SCHEMA = "message commission_history {\n"
      + "  required binary network (STRING);\n"
      + "  required int32 effective_from (DATE);\n"
      + "  optional int32 effective_to (DATE);\n"
      + "  required int32 commission_rate (DECIMAL(6,4));\n"
      + "  optional int64 flat_fee (DECIMAL(10,2));\n"
      + "  required binary tier (STRING);\n"
      + "  required int64 changed_at (TIMESTAMP(MILLIS,true));\n"
      + "  optional binary changed_by (STRING);\n"
      + "}";

  static final String METRICS_SCHEMA = "message partner_metrics {\n"
      + "  required int32 partner_id;\n"
      + "  required binary network (STRING);\n"
      + "  required binary region (STRING);\n"
      + "  required int64 quotes_requested;\n"
      + "  required int32 quotes_won;\n"
      + "  required int64 gross_premium (DECIMAL(18,2));\n"
      + "  required int64 giveaway (DECIMAL(18,2));\n"
      + "  optional double giveaway_rate;\n"
      + "  optional double avg_response_ms;\n"
      + "  optional int32 p95_response_ms;\n"
      + "  required boolean is_partner_active;\n"
      + "  required int64 loaded_at (TIMESTAMP(MILLIS,true));\n"
      + "}";

  final Path root;
  final List<Quote> quotes = new ArrayList<>();
  final List<Commission> commissions = new ArrayList<>();
  final List<PartnerMetric> partnerMetrics = new ArrayList<>();

  private TestLake(Path root) {
    this.root = root;
  }

  /** Writes the whole lake under {@code root}. */
  static TestLake create(Path root) throws IOException {
    TestLake lake = new TestLake(root);
    lake.writeQuotes();
    lake.writeCommissions();
    lake.writePartnerMetrics();
    return lake;
  }

  /** The test model (a copy of the real model.json) pointing at this lake. */
  LakegateModel model() {
    return ModelLoader.load(modelFile(), Map.of("LAKE_ROOT", root.toString()));
  }

  static Path modelFile() {
    try {
      return Path.of(TestLake.class.getResource("/lake-test-model.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Calcite connection as the gateway opens it, with {@code schema} as "analytics". */
  static Connection connect(LakeSchema schema) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:calcite:lex=MYSQL_ANSI;timeZone=UTC");
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    calcite.getRootSchema().add("analytics", schema);
    calcite.setSchema("analytics");
    return connection;
  }

  Path quoteFile(LocalDate day, String name) {
    return root.resolve("quote_outcomes").resolve("date=" + day).resolve(name);
  }

  private void writeQuotes() throws IOException {
    for (int d = 0; d < DAYS.size(); d++) {
      LocalDate day = DAYS.get(d);
      List<Quote> dayQuotes = new ArrayList<>();
      for (int i = 0; i < QUOTES_PER_DAY; i++) {
        dayQuotes.add(quote(d, day, i));
      }
      quotes.addAll(dayQuotes);
      if (d == 1) {
        String schema = QUOTE_SCHEMA.formatted("int64");
        writeQuoteFile(quoteFile(day, "part-00000.parquet"), schema, dayQuotes.subList(0, 20));
        writeQuoteFile(quoteFile(day, "part-00001.parquet"), schema, dayQuotes.subList(20, 40));
      } else {
        boolean binaryDecimals = d == 2;
        String schema = QUOTE_SCHEMA.formatted(binaryDecimals ? "fixed_len_byte_array(6)" : "int64");
        ParquetFixtureWriter.write(quoteFile(day, "part-00000.parquet"), schema, quoteRows(dayQuotes),
            ROW_GROUP_ROWS, binaryDecimals ? CompressionCodecName.ZSTD : CompressionCodecName.SNAPPY);
      }
    }
  }

  /** Writes {@code rows} as a quote_outcomes file of the given parquet schema (fields as in {@link #QUOTE_SCHEMA}). */
  static void writeQuoteFile(Path file, String schemaText, List<Quote> rows) throws IOException {
    ParquetFixtureWriter.write(file, schemaText, quoteRows(rows), ROW_GROUP_ROWS, CompressionCodecName.SNAPPY);
  }

  private static List<Object[]> quoteRows(List<Quote> rows) {
    List<Object[]> out = new ArrayList<>();
    for (Quote q : rows) {
      out.add(new Object[] {q.quoteId(), q.partnerId(), q.network(), q.product(), q.outcome(), q.quotedAt(),
          q.decidedAt(), q.listPremium(), q.finalPremium(), q.giveaway(), q.riskScore(), q.customerId(),
          q.isRenewal(), q.responseMs(), q.quoteId() % 2 == 0 ? "extra" : null});
    }
    return out;
  }

  private static Quote quote(int d, LocalDate day, int i) {
    long quoteId = (d + 1) * 1000L + i;
    String outcome = OUTCOMES[i % 4];
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    // The last quote of a day sits on the last millisecond, to pin the day boundary.
    Instant quotedAt = i == QUOTES_PER_DAY - 1 ? start.plus(Duration.ofDays(1)).minusMillis(1)
        : start.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(i)).plusMillis(i);
    boolean decided = outcome.equals("won") || outcome.equals("lost");
    BigDecimal list = new BigDecimal("100.00").add(BigDecimal.valueOf(i * 250L + d * 10L, 2));
    boolean won = outcome.equals("won");
    BigDecimal giveaway = won ? list.multiply(new BigDecimal("0.1")).setScale(2, RoundingMode.HALF_UP) : null;
    return new Quote(day, quoteId, 1 + i % 3, NETWORKS[i % 5], PRODUCTS[i % 3], outcome, quotedAt,
        decided ? quotedAt.plus(Duration.ofHours(1)) : null, list, won ? list.subtract(giveaway) : null, giveaway,
        i % 7 == 0 ? null : i / 100.0, i % 6 == 0 ? null : "C" + (i * 7 % 13), i % 2 == 0, 100 + i * 3);
  }

  private void writeCommissions() throws IOException {
    for (int partner = 1; partner <= 3; partner++) {
      List<Object[]> rows = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        LocalDate from = LocalDate.parse("2025-01-01").plusMonths(k * 4L + partner);
        Commission c = new Commission(partner, k == 0 ? "direct" : "api", from,
            k == 0 ? from.plusMonths(3).minusDays(1) : null,
            new BigDecimal("0.0125").multiply(BigDecimal.valueOf(partner + k)).setScale(4),
            k == 0 ? null : new BigDecimal("2.50").multiply(BigDecimal.valueOf(partner)),
            new String[] {"bronze", "silver", "gold"}[partner - 1],
            from.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(2)),
            k == 0 ? "alice" : null);
        commissions.add(c);
        rows.add(new Object[] {c.network(), c.effectiveFrom(), c.effectiveTo(), c.commissionRate(), c.flatFee(),
            c.tier(), c.changedAt(), c.changedBy()});
      }
      ParquetFixtureWriter.write(root.resolve("commission_history").resolve("partner_id=" + partner)
          .resolve("part-00000.parquet"), COMMISSION_SCHEMA, rows, ROW_GROUP_ROWS, CompressionCodecName.SNAPPY);
    }
    Files.createDirectories(root.resolve("commission_history").resolve("partner_id=4"));
  }

  private void writePartnerMetrics() throws IOException {
    for (LocalDate day : DAYS) {
      List<Object[]> rows = new ArrayList<>();
      for (int partner = 1; partner <= 3; partner++) {
        for (String network : new String[] {"direct", "api"}) {
          int won = partner == 3 && network.equals("api") ? 0 : partner * 2;
          BigDecimal gross = BigDecimal.valueOf(won * 12345L, 2);
          BigDecimal giveaway = gross.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP);
          boolean telemetry = !(partner == 2 && network.equals("direct"));
          PartnerMetric m = new PartnerMetric(day, partner, network, partner == 1 ? "EU" : "US-East",
              1000L * partner, won, gross, giveaway,
              won == 0 ? null : giveaway.doubleValue() / gross.doubleValue(),
              telemetry ? 120.5 * partner : null, telemetry ? 300 * partner : null, partner != 3,
              day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(1)).plusSeconds(partner));
          partnerMetrics.add(m);
          rows.add(new Object[] {m.partnerId(), m.network(), m.region(), m.quotesRequested(), m.quotesWon(),
              m.grossPremium(), m.giveaway(), m.giveawayRate(), m.avgResponseMs(), m.p95ResponseMs(),
              m.isPartnerActive(), m.loadedAt()});
        }
      }
      ParquetFixtureWriter.write(root.resolve("partner_metrics").resolve("date=" + day).resolve("part-00000.parquet"),
          METRICS_SCHEMA, rows, ROW_GROUP_ROWS, CompressionCodecName.SNAPPY);
    }
  }
}
