package io.lakegate.generator;

import static io.lakegate.generator.ParquetColumns.date;
import static io.lakegate.generator.ParquetColumns.decimal;
import static io.lakegate.generator.ParquetColumns.timestampMillis;
import static io.lakegate.generator.ParquetColumns.varchar;

import java.util.Set;

import org.apache.parquet.schema.MessageType;

/** The parquet form of {@code commission_history} rows; {@code partner_id} is the partition directory. */
final class CommissionHistoryFormat implements RowFormat<CommissionHistoryRow> {
  static final MessageType SCHEMA = new MessageType(CommissionHistoryGenerator.TABLE,
      varchar("network", false),
      date("effective_from", false),
      date("effective_to", true),
      decimal("commission_rate", 6, 4, false),
      decimal("flat_fee", 10, 2, true),
      varchar("tier", false),
      timestampMillis("changed_at", false),
      varchar("changed_by", true));

  private static final Set<String> PLAIN = Set.of("changed_at");

  @Override
  public MessageType schema() {
    return SCHEMA;
  }

  @Override
  public Set<String> plainColumns() {
    return PLAIN;
  }

  @Override
  public void write(RecordFields f, CommissionHistoryRow row) {
    f.constant(0, row.network());
    f.date(1, row.effectiveFrom());
    f.date(2, row.effectiveTo());
    f.decimal(3, row.commissionRate());
    f.decimal(4, row.flatFee());
    f.constant(5, row.tier());
    f.timestamp(6, row.changedAt());
    f.constant(7, row.changedBy());
  }
}
