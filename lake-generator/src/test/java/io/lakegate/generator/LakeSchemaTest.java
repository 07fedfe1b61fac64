package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.ColumnType;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.catalog.TableDef;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/**
 * The parquet schemas the generator writes agree with the declared tables in model.json: the
 * same file columns in the same order, each with the agreed physical and logical type and with
 * REQUIRED exactly where the model says NOT NULL; partition columns stay out of the files.
 */
class LakeSchemaTest {
  private static final LakegateModel MODEL = ModelLoader.load(Path.of("../model.json"), Map.of());
  private static final Map<String, MessageType> SCHEMAS = Map.of(
      SampleLake.PARTNER_METRICS, PartnerMetricsFormat.SCHEMA,
      SampleLake.QUOTE_OUTCOMES, QuoteOutcomeFormat.SCHEMA,
      SampleLake.COMMISSION_HISTORY, CommissionHistoryFormat.SCHEMA);
  private static final Map<String, String> PARTITION_COLUMNS = Map.of(
      SampleLake.PARTNER_METRICS, "date",
      SampleLake.QUOTE_OUTCOMES, "date",
      SampleLake.COMMISSION_HISTORY, "partner_id");

  @Test
  void theLakeHasExactlyTheModelTables() {
    assertEquals(SCHEMAS.keySet(), MODEL.tablesByName().keySet());
  }

  @Test
  void partitionColumnsAreTheDirectoryKeysAndComeFirst() {
    for (TableDef table : MODEL.tables()) {
      List<ColumnDef> partitions = table.partitionColumns();
      assertEquals(1, partitions.size(), table.name());
      assertEquals(PARTITION_COLUMNS.get(table.name()), partitions.get(0).name());
      // Row records list the partition value first; that is the model's order too.
      assertTrue(table.columns().get(0).partition(), table.name());
      assertTrue(SCHEMAS.get(table.name()).getFields().stream()
          .noneMatch(f -> f.getName().equals(partitions.get(0).name())), table.name());
    }
  }

  @Test
  void fileColumnsMatchTheModelInNameOrderTypeAndNullability() {
    for (TableDef table : MODEL.tables()) {
      MessageType schema = SCHEMAS.get(table.name());
      List<ColumnDef> columns = table.fileColumns();
      assertEquals(columns.size(), schema.getFieldCount(), table.name());
      for (int i = 0; i < columns.size(); i++) {
        ColumnDef column = columns.get(i);
        PrimitiveType field = schema.getType(i).asPrimitiveType();
        String where = table.name() + "." + column.name();
        assertEquals(column.name(), field.getName(), where);
        assertEquals(column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED,
            field.getRepetition(), where);
        assertEquals(expectedPhysical(column.type()), field.getPrimitiveTypeName(), where);
        assertEquals(expectedLogical(column.type()), field.getLogicalTypeAnnotation(), where);
      }
    }
  }

  @Test
  void rowRecordsHaveOneValuePerModelColumn() {
    SampleLake lake = SampleLake.builder().rows(SampleLake.MIN_ROWS).build();
    assertEquals(MODEL.table(SampleLake.QUOTE_OUTCOMES).orElseThrow().columns().size(),
        lake.quoteOutcomes(LakeCalendar.FIRST_DAY).findFirst().orElseThrow().values().size());
    assertEquals(MODEL.table(SampleLake.PARTNER_METRICS).orElseThrow().columns().size(),
        lake.partnerMetrics(LakeCalendar.FIRST_DAY).findFirst().orElseThrow().values().size());
    assertEquals(MODEL.table(SampleLake.COMMISSION_HISTORY).orElseThrow().columns().size(),
        lake.commissionHistory(1).findFirst().orElseThrow().values().size());
  }

  /** The agreed mapping, stated independently of {@link ParquetColumns}. */
  private static PrimitiveTypeName expectedPhysical(ColumnType type) {
    switch (type.sqlType()) {
      case DATE:
      case INTEGER:
        return PrimitiveTypeName.INT32;
      case TIMESTAMP:
      case BIGINT:
        return PrimitiveTypeName.INT64;
      case DECIMAL:
        return type.precision() <= 9 ? PrimitiveTypeName.INT32 : PrimitiveTypeName.INT64;
      case DOUBLE:
        return PrimitiveTypeName.DOUBLE;
      case VARCHAR:
        return PrimitiveTypeName.BINARY;
      case BOOLEAN:
        return PrimitiveTypeName.BOOLEAN;
      default:
        throw new AssertionError("model type not expected in the lake: " + type);
    }
  }

  private static LogicalTypeAnnotation expectedLogical(ColumnType type) {
    switch (type.sqlType()) {
      case DATE:
        return LogicalTypeAnnotation.dateType();
      case TIMESTAMP:
        return LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);
      case DECIMAL:
        return LogicalTypeAnnotation.decimalType(type.scale(), type.precision());
      case VARCHAR:
        return LogicalTypeAnnotation.stringType();
      default:
        return null;
    }
  }
}
