package io.lakegate.generator;

import static io.lakegate.generator.ParquetColumns.bigint;
import static io.lakegate.generator.ParquetColumns.bool;
import static io.lakegate.generator.ParquetColumns.decimal;
import static io.lakegate.generator.ParquetColumns.doubleColumn;
import static io.lakegate.generator.ParquetColumns.integer;
import static io.lakegate.generator.ParquetColumns.timestampMillis;
import static io.lakegate.generator.ParquetColumns.varchar;

import java.util.Set;

import org.apache.parquet.schema.MessageType;

/** The parquet form of {@code partner_metrics} rows; {@code date} is the partition directory. */
final class PartnerMetricsFormat implements RowFormat<PartnerMetricsRow> {
  static final MessageType SCHEMA = new MessageType(PartnerMetricsGenerator.TABLE,
      integer("partner_id", false),
      varchar("network", false),
      varchar("region", false),
      bigint("quotes_requested", false),
      integer("quotes_won", false),
      decimal("gross_premium", 18, 2, false),
      decimal("giveaway", 18, 2, false),
      doubleColumn("giveaway_rate", true),
      doubleColumn("avg_response_ms", true),
      integer("p95_response_ms", true),
      bool("is_partner_active", false),
      timestampMillis("loaded_at", false));

  private static final Set<String> PLAIN = Set.of("gross_premium", "giveaway", "giveaway_rate", "avg_response_ms", "loaded_at");

  @Override
  public MessageType schema() {
    return SCHEMA;
  }

  @Override
  public Set<String> plainColumns() {
    return PLAIN;
  }

  @Override
  public void write(RecordFields f, PartnerMetricsRow row) {
    f.int32(0, row.partnerId());
    f.constant(1, row.network());
    f.constant(2, row.region());
    f.int64(3, row.quotesRequested());
    f.int32(4, row.quotesWon());
    f.decimal(5, row.grossPremium());
    f.decimal(6, row.giveaway());
    f.float64(7, row.giveawayRate());
    f.float64(8, row.avgResponseMs());
    f.int32(9, row.p95ResponseMs());
    f.bool(10, row.isPartnerActive());
    f.timestamp(11, row.loadedAt());
  }
}
