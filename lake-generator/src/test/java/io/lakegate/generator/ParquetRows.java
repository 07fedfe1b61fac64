package io.lakegate.generator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Test helper: reads a lake file back with parquet-hadoop's own example reader and turns each
 * record into plain Java values, independently of the generator's writing code.
 */
final class ParquetRows {
  /** One shared configuration: building one parses Hadoop's default resources. Only read, never changed. */
  private static final Configuration CONF = new Configuration();

  private ParquetRows() {
  }

  /** Every record of {@code file}, each as its values in file-schema order (null for absent optional fields). */
  static List<List<Object>> read(Path file) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = new GroupReaderBuilder(new BytesInputFile(file)).build()) {
      for (Group group = reader.read(); group != null; group = reader.read()) {
        rows.add(values(group));
      }
    }
    return rows;
  }

  static ParquetMetadata footer(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(file), HadoopReadOptions.builder(CONF).build())) {
      return reader.getFooter();
    }
  }

  /** parquet-hadoop's reader over a local file (no Hadoop FileSystem), materialising example {@link Group}s. */
  private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
    GroupReaderBuilder(InputFile file) {
      // An explicit configuration: without one, every reader parses Hadoop's default resources again.
      super(file, new HadoopParquetConfiguration(CONF));
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }

  private static List<Object> values(Group group) {
    MessageType schema = (MessageType) group.getType();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      if (group.getFieldRepetitionCount(i) == 0) {
        values.add(null);
        continue;
      }
      PrimitiveType type = schema.getType(i).asPrimitiveType();
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      switch (type.getPrimitiveTypeName()) {
        case INT32:
          int int32 = group.getInteger(i, 0);
          if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            values.add(LocalDate.ofEpochDay(int32));
          } else if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            values.add(new BigDecimal(BigInteger.valueOf(int32), d.getScale()));
          } else {
            values.add(int32);
          }
          break;
        case INT64:
          long int64 = group.getLong(i, 0);
          if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
            values.add(Instant.ofEpochMilli(int64));
          } else if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            values.add(new BigDecimal(BigInteger.valueOf(int64), d.getScale()));
          } else {
            values.add(int64);
          }
          break;
        case DOUBLE:
          values.add(group.getDouble(i, 0));
          break;
        case BOOLEAN:
          values.add(group.getBoolean(i, 0));
          break;
        case BINARY:
          values.add(group.getString(i, 0));
          break;
        default:
          throw new IllegalStateException("unexpected physical type " + type);
      }
    }
    return values;
  }
}
