package io.lakegate.lake;

import io.lakegate.catalog.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Parquet primitive converters that write each value straight into a slot of the current output
 * row in Calcite's runtime representation (no intermediate {@code Group}); strings decode each
 * dictionary entry once per column chunk instead of once per row.
 */
final class ValueConverters {
  private ValueConverters() {
  }

  /** The row being assembled; converters write into it, the materializer swaps it per record. */
  static final class RowBuffer {
    Object[] row;
  }

  /** A converter for a file column of {@code fileType} declared as {@code declared} (already checked compatible). */
  static PrimitiveConverter create(ColumnType declared, PrimitiveType fileType, RowBuffer buffer, int slot) {
    switch (declared.sqlType()) {
      case BOOLEAN:
        return new PrimitiveConverter() {
          @Override
          public void addBoolean(boolean value) {
            buffer.row[slot] = value;
          }
        };
      case INTEGER:
      case DATE:
        return new PrimitiveConverter() {
          @Override
          public void addInt(int value) {
            buffer.row[slot] = value;
          }
        };
      case BIGINT:
        return new PrimitiveConverter() {
          @Override
          public void addLong(long value) {
            buffer.row[slot] = value;
          }
        };
      case DOUBLE:
        return new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            buffer.row[slot] = value;
          }
        };
      case TIMESTAMP:
        return timestamp((TimestampLogicalTypeAnnotation) fileType.getLogicalTypeAnnotation(), buffer, slot);
      case DECIMAL:
        return new DecimalConverter(declared.scale(), buffer, slot);
      case VARCHAR:
        return new StringConverter(buffer, slot);
      default:
        throw new IllegalStateException("no converter for " + declared);
    }
  }

  private static PrimitiveConverter timestamp(TimestampLogicalTypeAnnotation annotation, RowBuffer buffer, int slot) {
    final long perMilli;
    switch (annotation.getUnit()) {
      case MICROS:
        perMilli = 1_000L;
        break;
      case NANOS:
        perMilli = 1_000_000L;
        break;
      default:
        perMilli = 1L;
        break;
    }
    return new PrimitiveConverter() {
      @Override
      public void addLong(long value) {
        // floorDiv: instants before 1970 round down, as Calcite's own TIMESTAMP(3) truncation does.
        buffer.row[slot] = perMilli == 1L ? value : Math.floorDiv(value, perMilli);
      }
    };
  }

  /** DECIMAL stored as INT32, INT64 or big-endian two's-complement bytes, at the declared scale. */
  private static final class DecimalConverter extends PrimitiveConverter {
    private final int scale;
    private final RowBuffer buffer;
    private final int slot;

    DecimalConverter(int scale, RowBuffer buffer, int slot) {
      this.scale = scale;
      this.buffer = buffer;
      this.slot = slot;
    }

    @Override
    public void addInt(int value) {
      buffer.row[slot] = BigDecimal.valueOf(value, scale);
    }

    @Override
    public void addLong(long value) {
      buffer.row[slot] = BigDecimal.valueOf(value, scale);
    }

    @Override
    public void addBinary(Binary value) {
      buffer.row[slot] = new BigDecimal(new BigInteger(value.getBytes()), scale);
    }
  }

  /** UTF-8 strings; dictionary pages are decoded once into Java strings shared by all rows. */
  private static final class StringConverter extends PrimitiveConverter {
    private final RowBuffer buffer;
    private final int slot;
    private String[] dictionary;

    StringConverter(RowBuffer buffer, int slot) {
      this.buffer = buffer;
      this.slot = slot;
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dict) {
      String[] decoded = new String[dict.getMaxId() + 1];
      for (int id = 0; id < decoded.length; id++) {
        decoded[id] = dict.decodeToBinary(id).toStringUsingUTF8();
      }
      this.dictionary = decoded;
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      buffer.row[slot] = dictionary[dictionaryId];
    }

    @Override
    public void addBinary(Binary value) {
      buffer.row[slot] = value.toStringUsingUTF8();
    }
  }
}
