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

/** The parquet form of {@code quote_outcomes} rows; {@code date} is the partition directory. */
final class QuoteOutcomeFormat implements RowFormat<QuoteOutcomeRow> {
  static final MessageType SCHEMA = new MessageType(QuoteOutcomeGenerator.TABLE,
      bigint("quote_id", false),
      integer("partner_id", false),
      varchar("network", false),
      varchar("product", false),
      varchar("outcome", false),
      timestampMillis("quoted_at", false),
      timestampMillis("decided_at", true),
      decimal("list_premium", 12, 2, false),
      decimal("final_premium", 12, 2, true),
      decimal("giveaway", 12, 2, true),
      doubleColumn("risk_score", true),
      varchar("customer_id", true),
      bool("is_renewal", false),
      integer("response_ms", false));

  private static final Set<String> PLAIN = Set.of("quote_id", "quoted_at", "decided_at", "list_premium", "customer_id");

  @Override
  public MessageType schema() {
    return SCHEMA;
  }

  @Override
  public Set<String> plainColumns() {
    return PLAIN;
  }

  @Override
  public void write(RecordFields f, QuoteOutcomeRow row) {
    f.int64(0, row.quoteId());
    f.int32(1, row.partnerId());
    f.constant(2, row.network());
    f.constant(3, row.product());
    f.constant(4, row.outcome());
    f.timestamp(5, row.quotedAt());
    f.timestamp(6, row.decidedAt());
    f.decimal(7, row.listPremium());
    f.decimal(8, row.finalPremium());
    f.decimal(9, row.giveaway());
    f.float64(10, row.riskScore());
    f.string(11, row.customerId());
    f.bool(12, row.isRenewal());
    f.int32(13, row.responseMs());
  }
}
