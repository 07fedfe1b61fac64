package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * parquet-hadoop's hook for writing our row records: hands each row to its {@link RowFormat},
 * which writes straight to the {@link RecordConsumer} (no intermediate {@code Group} objects).
 *
 * @param <R> the row type
 */
final class RowWriteSupport<R> extends WriteSupport<R> {
  private final RowFormat<R> format;
  private final Map<String, String> metadata;
  private RecordFields fields;

  RowWriteSupport(RowFormat<R> format, Map<String, String> metadata) {
    this.format = requireNonNull(format, "format");
    this.metadata = Map.copyOf(metadata);
  }

  // Still abstract in parquet-hadoop 1.18, so it must be implemented though deprecated.
  @SuppressWarnings("deprecation")
  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(format.schema(), metadata);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(format.schema(), metadata);
  }

  @Override
  public String getName() {
    return "lakegate-lake-generator";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.fields = new RecordFields(recordConsumer, format.schema());
  }

  @Override
  public void write(R row) {
    fields.startRecord();
    format.write(fields, row);
    fields.endRecord();
  }
}
