package io.lakegate.jdbc;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The test server's {@code analytics} schema: two small tables shaped like lakegate's, one column
 * of each type the driver must report (INTEGER, BIGINT, DECIMAL(p,s), DOUBLE, VARCHAR, BOOLEAN,
 * DATE, TIMESTAMP(3)); and {@code broken_feed} ({@link BrokenFeedTable}), whose source fails after
 * {@value #BROKEN_FEED_ROWS} rows.
 */
public final class SampleSchemaFactory implements SchemaFactory {
  static final LocalDate DAY = LocalDate.of(2024, 1, 15);
  static final Instant LOADED_AT = Instant.parse("2024-01-16T03:04:05.678Z");
  /** More than two frames of Avatica's default 100 rows: the failure comes on a later fetch. */
  static final long BROKEN_FEED_ROWS = 250;

  @Override public Schema create(SchemaPlus parentSchema, String name,
      Map<String, Object> operand) {
    return new AbstractSchema() {
      @Override protected Map<String, Table> getTableMap() {
        return Map.of("partner_metrics", partnerMetrics(), "quote_outcomes", quoteOutcomes(),
            "broken_feed", new BrokenFeedTable(BROKEN_FEED_ROWS));
      }
    };
  }

  private static SampleTable partnerMetrics() {
    List<SampleTable.Column> columns = List.of(
        SampleTable.Column.of("date", SqlTypeName.DATE),
        SampleTable.Column.of("partner_id", SqlTypeName.INTEGER),
        SampleTable.Column.of("network", SqlTypeName.VARCHAR),
        SampleTable.Column.of("quotes_requested", SqlTypeName.BIGINT),
        new SampleTable.Column("gross_premium", SqlTypeName.DECIMAL, 18, 2, false),
        SampleTable.Column.nullable("giveaway_rate", SqlTypeName.DOUBLE),
        SampleTable.Column.of("is_partner_active", SqlTypeName.BOOLEAN),
        new SampleTable.Column("loaded_at", SqlTypeName.TIMESTAMP, 3, -1, false));
    int day = (int) DAY.toEpochDay();
    long loaded = LOADED_AT.toEpochMilli();
    return new SampleTable(columns, List.of(
        new Object[] {day, 7, "direct", 1_000_000_000_000L, new BigDecimal("1234.50"), 0.125,
            true, loaded},
        new Object[] {day, 11, "broker", 42L, new BigDecimal("0.00"), null, false, loaded},
        new Object[] {day + 1, 7, "api", 5L, new BigDecimal("99.99"), 0.5, true, loaded}));
  }

  private static SampleTable quoteOutcomes() {
    List<SampleTable.Column> columns = List.of(
        SampleTable.Column.of("quote_id", SqlTypeName.BIGINT),
        SampleTable.Column.of("outcome", SqlTypeName.VARCHAR));
    return new SampleTable(columns, List.of(
        new Object[] {1L, "won"}, new Object[] {2L, "lost"}));
  }
}
