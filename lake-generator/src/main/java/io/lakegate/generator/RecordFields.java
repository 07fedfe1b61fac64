package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes one record's fields, by position in the file schema, straight to parquet's
 * {@link RecordConsumer}; a null value of an OPTIONAL field is written by leaving the field out.
 * One instance per open file (it caches the encoded form of the few repeated strings).
 */
final class RecordFields {
  private final RecordConsumer consumer;
  private final String[] names;
  private final int[] decimalScales;
  private final boolean[] physicalInt32;
  private final Map<String, Binary> constants = new HashMap<>();

  RecordFields(RecordConsumer consumer, MessageType schema) {
    this.consumer = requireNonNull(consumer, "consumer");
    this.names = new String[schema.getFieldCount()];
    this.decimalScales = new int[names.length];
    this.physicalInt32 = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      PrimitiveType type = schema.getType(i).asPrimitiveType();
      names[i] = type.getName();
      physicalInt32[i] = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32;
      decimalScales[i] = type.getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal ? decimal.getScale() : -1;
    }
  }

  void startRecord() {
    consumer.startMessage();
  }

  void endRecord() {
    consumer.endMessage();
  }

  void int32(int field, int value) {
    consumer.startField(names[field], field);
    consumer.addInteger(value);
    consumer.endField(names[field], field);
  }

  void int32(int field, Integer value) {
    if (value != null) {
      int32(field, value.intValue());
    }
  }

  void int64(int field, long value) {
    consumer.startField(names[field], field);
    consumer.addLong(value);
    consumer.endField(names[field], field);
  }

  void float64(int field, Double value) {
    if (value != null) {
      consumer.startField(names[field], field);
      consumer.addDouble(value);
      consumer.endField(names[field], field);
    }
  }

  void bool(int field, boolean value) {
    consumer.startField(names[field], field);
    consumer.addBoolean(value);
    consumer.endField(names[field], field);
  }

  void date(int field, LocalDate value) {
    if (value != null) {
      int32(field, Math.toIntExact(value.toEpochDay()));
    }
  }

  void timestamp(int field, Instant value) {
    if (value != null) {
      int64(field, value.toEpochMilli());
    }
  }

  /** A decimal as its unscaled INT32 or INT64, at exactly the field's declared scale. */
  void decimal(int field, BigDecimal value) {
    if (value == null) {
      return;
    }
    long unscaled = Decimals.unscaled(value, decimalScales[field]);
    if (physicalInt32[field]) {
      int32(field, Math.toIntExact(unscaled));
    } else {
      int64(field, unscaled);
    }
  }

  /** A string that is one of a small vocabulary (network, product, ...): encoded once per file. */
  void constant(int field, String value) {
    if (value != null) {
      Binary binary = constants.computeIfAbsent(value,
          v -> Binary.fromConstantByteArray(v.getBytes(StandardCharsets.UTF_8)));
      consumer.startField(names[field], field);
      consumer.addBinary(binary);
      consumer.endField(names[field], field);
    }
  }

  /** A free-form string. */
  void string(int field, String value) {
    if (value != null) {
      consumer.startField(names[field], field);
      consumer.addBinary(Binary.fromString(value));
      consumer.endField(names[field], field);
    }
  }
}
