package io.lakegate.lake;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes small real parquet files for tests with parquet-hadoop's example {@link Group} writer,
 * converting plain Java values (Long, Integer, String, Boolean, Double, BigDecimal, LocalDate,
 * Instant as milliseconds; null for a missing optional value) by the file schema; a Long is written
 * as is, so a test can store raw micro- or nanosecond timestamps.
 */
final class ParquetFixtureWriter {
  private ParquetFixtureWriter() {
  }

  /** Writes {@code rows} (values in schema field order) with at most {@code rowGroupRows} rows per row group. */
  static void write(Path file, String schemaText, List<Object[]> rows, int rowGroupRows, CompressionCodecName codec)
      throws IOException {
    write(file, schemaText, rows, builder -> builder
        .withCompressionCodec(codec)
        .withRowGroupRowCountLimit(rowGroupRows)
        .withPageRowCountLimit(Math.max(1, rowGroupRows / 2))
        .withDictionaryEncoding(true));
  }

  /** Writes {@code rows} with the writer settings (row groups, pages, dictionaries, codec) that {@code settings} applies. */
  static void write(Path file, String schemaText, List<Object[]> rows,
      UnaryOperator<ExampleParquetWriter.Builder> settings) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(schemaText);
    Files.createDirectories(file.getParent());
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = settings.apply(ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(schema))
        .build()) {
      for (Object[] row : rows) {
        if (row.length != schema.getFieldCount()) {
          throw new IllegalArgumentException("row " + Arrays.toString(row) + " does not match " + schema);
        }
        Group group = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
          if (row[i] != null) {
            append(group, schema.getType(i).asPrimitiveType(), row[i]);
          }
        }
        writer.write(group);
      }
    }
  }

  private static void append(Group group, PrimitiveType type, Object value) {
    String name = type.getName();
    if (type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation decimal) {
      BigInteger unscaled = ((BigDecimal) value).setScale(decimal.getScale()).unscaledValue();
      switch (type.getPrimitiveTypeName()) {
        case INT32:
          group.append(name, unscaled.intValueExact());
          return;
        case INT64:
          group.append(name, unscaled.longValueExact());
          return;
        case BINARY:
          group.append(name, Binary.fromConstantByteArray(unscaled.toByteArray()));
          return;
        default:
          group.append(name, Binary.fromConstantByteArray(fixedWidth(unscaled, type.getTypeLength())));
          return;
      }
    }
    if (value instanceof LocalDate date) {
      group.append(name, (int) date.toEpochDay());
    } else if (value instanceof Instant instant) {
      group.append(name, instant.toEpochMilli());
    } else if (value instanceof Long || value instanceof Integer) {
      // By the file's physical type, so a test can store an INTEGER column as INT64.
      if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64) {
        group.append(name, ((Number) value).longValue());
      } else {
        group.append(name, ((Number) value).intValue());
      }
    } else if (value instanceof String s) {
      group.append(name, s);
    } else if (value instanceof Boolean b) {
      group.append(name, b);
    } else if (value instanceof Double d) {
      group.append(name, d);
    } else {
      throw new IllegalArgumentException("unsupported fixture value " + value + " for " + type);
    }
  }

  /** Big-endian two's complement, sign-extended to the fixed length. */
  private static byte[] fixedWidth(BigInteger unscaled, int length) {
    byte[] minimal = unscaled.toByteArray();
    byte[] out = new byte[length];
    byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
    Arrays.fill(out, 0, length - minimal.length, pad);
    System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
    return out;
  }
}
