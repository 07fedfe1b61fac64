package io.lakegate.lake;

import io.lakegate.catalog.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The one mapping from a file column's parquet values to Calcite's runtime values of its declared
 * type: BOOLEAN as Boolean, INTEGER as Integer, BIGINT as Long, DOUBLE as Double, DATE as Integer
 * days since the epoch, TIMESTAMP(3) as Long UTC milliseconds, DECIMAL(p,s) as BigDecimal of scale
 * s, VARCHAR as String. Plain values and dictionary entries go through the same conversion.
 */
final class ValueConverters {
  private ValueConverters() {
  }

  /** The converter of a file column of {@code fileType} declared as {@code declared} (already checked compatible). */
  static SlotConverter create(ColumnType declared, PrimitiveType fileType, SlotConverter.Row row, int slot) {
    switch (declared.sqlType()) {
      case BOOLEAN:
        return new BooleanSlot(row, slot);
      case INTEGER:
      case DATE:
        return new IntSlot(row, slot);
      case BIGINT:
        return new LongSlot(row, slot);
      case DOUBLE:
        return new DoubleSlot(row, slot);
      case TIMESTAMP:
        return new TimestampSlot((TimestampLogicalTypeAnnotation) fileType.getLogicalTypeAnnotation(), row, slot);
      case DECIMAL:
        return new DecimalSlot(declared.scale(), fileType.getPrimitiveTypeName(), row, slot);
      case VARCHAR:
        return new StringSlot(row, slot);
      default:
        throw new IllegalStateException("no converter for " + declared);
    }
  }

  private static final class BooleanSlot extends SlotConverter {
    BooleanSlot(Row row, int slot) {
      super(row, slot);
    }

    @Override
    public void addBoolean(boolean value) {
      put(value);
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      return dictionary.decodeToBoolean(id);
    }
  }

  /** INT32 values: INTEGER, and DATE as days since 1970-01-01 (Calcite's DATE representation). */
  private static final class IntSlot extends SlotConverter {
    IntSlot(Row row, int slot) {
      super(row, slot);
    }

    @Override
    public void addInt(int value) {
      put(value);
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      return dictionary.decodeToInt(id);
    }
  }

  private static final class LongSlot extends SlotConverter {
    LongSlot(Row row, int slot) {
      super(row, slot);
    }

    @Override
    public void addLong(long value) {
      put(value);
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      return dictionary.decodeToLong(id);
    }
  }

  private static final class DoubleSlot extends SlotConverter {
    DoubleSlot(Row row, int slot) {
      super(row, slot);
    }

    @Override
    public void addDouble(double value) {
      put(value);
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      return dictionary.decodeToDouble(id);
    }
  }

  /** INT64 TIMESTAMP of any unit as UTC milliseconds (Calcite's TIMESTAMP(3) representation). */
  private static final class TimestampSlot extends SlotConverter {
    private final long perMilli;

    TimestampSlot(TimestampLogicalTypeAnnotation annotation, Row row, int slot) {
      super(row, slot);
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
    }

    private Long millis(long value) {
      // floorDiv: instants before 1970 round down, as Calcite's own TIMESTAMP(3) truncation does.
      return perMilli == 1L ? value : Math.floorDiv(value, perMilli);
    }

    @Override
    public void addLong(long value) {
      put(millis(value));
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      return millis(dictionary.decodeToLong(id));
    }
  }

  /** DECIMAL stored as INT32, INT64 or big-endian two's-complement bytes, at the declared scale. */
  private static final class DecimalSlot extends SlotConverter {
    private final int scale;
    private final PrimitiveTypeName physical;

    DecimalSlot(int scale, PrimitiveTypeName physical, Row row, int slot) {
      super(row, slot);
      this.scale = scale;
      this.physical = physical;
    }

    private BigDecimal unscaled(Binary value) {
      return new BigDecimal(new BigInteger(value.getBytesUnsafe()), scale);
    }

    @Override
    public void addInt(int value) {
      put(BigDecimal.valueOf(value, scale));
    }

    @Override
    public void addLong(long value) {
      put(BigDecimal.valueOf(value, scale));
    }

    @Override
    public void addBinary(Binary value) {
      put(unscaled(value));
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      switch (physical) {
        case INT32:
          return BigDecimal.valueOf(dictionary.decodeToInt(id), scale);
        case INT64:
          return BigDecimal.valueOf(dictionary.decodeToLong(id), scale);
        default:
          return unscaled(dictionary.decodeToBinary(id));
      }
    }
  }

  /** UTF-8 strings. */
  private static final class StringSlot extends SlotConverter {
    StringSlot(Row row, int slot) {
      super(row, slot);
    }

    @Override
    public void addBinary(Binary value) {
      put(value.toStringUsingUTF8());
    }

    @Override
    Object convert(Dictionary dictionary, int id) {
      return dictionary.decodeToBinary(id).toStringUsingUTF8();
    }
  }
}
