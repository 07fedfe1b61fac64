package io.lakegate.generator;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The one mapping from lakegate's declared column types to parquet physical and logical types,
 * so every table file spells each type the same way (and the way ClickHouse and the lake adapter
 * expect): DATE as INT32/DATE, TIMESTAMP(3) as INT64/TIMESTAMP(MILLIS, UTC), DECIMAL as
 * INT32 or INT64 by precision, VARCHAR as BINARY/STRING.
 */
final class ParquetColumns {
  private ParquetColumns() {
  }

  static PrimitiveType date(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.INT32, repetition(nullable))
        .as(LogicalTypeAnnotation.dateType()).named(name);
  }

  static PrimitiveType timestampMillis(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.INT64, repetition(nullable))
        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
  }

  static PrimitiveType integer(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.INT32, repetition(nullable)).named(name);
  }

  static PrimitiveType bigint(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.INT64, repetition(nullable)).named(name);
  }

  static PrimitiveType doubleColumn(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.DOUBLE, repetition(nullable)).named(name);
  }

  static PrimitiveType bool(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition(nullable)).named(name);
  }

  static PrimitiveType varchar(String name, boolean nullable) {
    return Types.primitive(PrimitiveTypeName.BINARY, repetition(nullable))
        .as(LogicalTypeAnnotation.stringType()).named(name);
  }

  /** DECIMAL(p,s) on the narrowest integer that holds p digits, as the parquet spec recommends. */
  static PrimitiveType decimal(String name, int precision, int scale, boolean nullable) {
    PrimitiveTypeName physical;
    if (precision <= 9) {
      physical = PrimitiveTypeName.INT32;
    } else if (precision <= 18) {
      physical = PrimitiveTypeName.INT64;
    } else {
      throw new IllegalArgumentException("DECIMAL(" + precision + "," + scale + ") needs more than 64 bits");
    }
    return Types.primitive(physical, repetition(nullable))
        .as(LogicalTypeAnnotation.decimalType(scale, precision)).named(name);
  }

  private static Repetition repetition(boolean nullable) {
    return nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
  }
}
