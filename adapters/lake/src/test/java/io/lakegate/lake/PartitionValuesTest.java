package io.lakegate.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.ColumnType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Partition directory values: Hive escaping, NULL, and every declared type a partition column may have. */
class PartitionValuesTest {
  private static ColumnDef column(String type, boolean nullable) {
    return new ColumnDef("k", ColumnType.parse(type), nullable, true, "");
  }

  @Test
  void typedValues() {
    assertEquals((int) LocalDate.parse("2025-05-01").toEpochDay(), PartitionValues.parse(column("DATE", false), "2025-05-01", "d"));
    assertEquals(42, PartitionValues.parse(column("INTEGER", false), "42", "d"));
    assertEquals(42L, PartitionValues.parse(column("BIGINT", false), "42", "d"));
    assertEquals(new BigDecimal("1.50"), PartitionValues.parse(column("DECIMAL(5,2)", false), "1.5", "d"));
    assertEquals(Boolean.TRUE, PartitionValues.parse(column("BOOLEAN", false), "true", "d"));
    assertEquals(Instant.parse("2025-05-01T10:20:30.123Z").toEpochMilli(),
        PartitionValues.parse(column("TIMESTAMP(3)", false), "2025-05-01 10%3A20%3A30.123", "d"));
  }

  @Test
  void hiveEscapesAndNull() {
    assertEquals("a/b=c%", PartitionValues.parse(column("VARCHAR", true), "a%2Fb%3Dc%25", "d"));
    assertEquals("50%", PartitionValues.unescape("50%"));
    assertNull(PartitionValues.parse(column("VARCHAR", true), PartitionValues.HIVE_NULL, "d"));
    LakeSchemaException e = assertThrows(LakeSchemaException.class,
        () -> PartitionValues.parse(column("INTEGER", false), PartitionValues.HIVE_NULL, "file:/lake/t/k=x"));
    assertEquals("lake directory file:/lake/t/k=x: partition value '__HIVE_DEFAULT_PARTITION__' of column 'k' is "
        + "NULL, but the column is declared NOT NULL; rename or remove the directory, or fix the column's type "
        + "in model.json", e.getMessage());
  }

  @Test
  void decimalWithTooManyDigitsIsRejected() {
    LakeSchemaException e = assertThrows(LakeSchemaException.class,
        () -> PartitionValues.parse(column("DECIMAL(5,2)", false), "1.234", "dir"));
    assertEquals("lake directory dir: partition value '1.234' of column 'k' is not a valid DECIMAL(5,2) "
        + "(expected at most 2 decimals); rename or remove the directory, or fix the column's type in model.json",
        e.getMessage());
  }
}
