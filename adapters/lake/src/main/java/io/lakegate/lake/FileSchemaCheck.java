package io.lakegate.lake;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.ColumnType;
import io.lakegate.catalog.TableDef;

import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Checks a file's parquet schema against the declared file columns of its table, so that a query
 * never meets a file it cannot read: every declared column present, physical and logical type
 * compatible, and no OPTIONAL file column behind a NOT NULL declaration. Extra file columns are
 * ignored.
 *
 * <p>Accepted encodings: BOOLEAN; INTEGER as INT32 (plain or a signed INT annotation); BIGINT as
 * INT64; DOUBLE; DECIMAL(p,s) as INT32, INT64, FIXED_LEN_BYTE_ARRAY or BINARY annotated with
 * exactly DECIMAL(p,s); VARCHAR as BINARY (STRING, ENUM or no annotation); DATE as INT32 DATE;
 * TIMESTAMP(3) as INT64 TIMESTAMP of any unit (read as UTC milliseconds).
 */
final class FileSchemaCheck {
  private FileSchemaCheck() {
  }

  /** The problems of one file, each a complete sentence naming the file and the column; empty when it fits. */
  static List<String> problems(TableDef table, String file, MessageType schema) {
    List<String> problems = new ArrayList<>();
    for (ColumnDef column : table.fileColumns()) {
      String declared = "is declared " + column.type() + (column.nullable() ? "" : " NOT NULL");
      if (!schema.containsField(column.name())) {
        problems.add("lake file " + file + ": column '" + column.name() + "' " + declared
            + " but the file has no such column" + similarName(schema, column.name())
            + "; fix model.json or rewrite the file");
        continue;
      }
      Type type = schema.getType(column.name());
      String mismatch = mismatch(column, type);
      if (mismatch != null) {
        problems.add("lake file " + file + ": column '" + column.name() + "' " + declared
            + " but the file has " + describe(type) + mismatch + "; fix model.json or rewrite the file");
      }
    }
    return problems;
  }

  /** Null when {@code type} can be read as {@code column}; otherwise "" or an explanatory suffix. */
  private static String mismatch(ColumnDef column, Type type) {
    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      return "";
    }
    PrimitiveType primitive = type.asPrimitiveType();
    if (!column.nullable() && type.isRepetition(Type.Repetition.OPTIONAL)) {
      return " (the file allows NULL)";
    }
    return fits(column.type(), primitive) ? null : "";
  }

  /** Whether values of {@code primitive} read exactly as the declared type. */
  static boolean fits(ColumnType declared, PrimitiveType primitive) {
    PrimitiveTypeName physical = primitive.getPrimitiveTypeName();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    switch (declared.sqlType()) {
      case BOOLEAN:
        return physical == PrimitiveTypeName.BOOLEAN && logical == null;
      case INTEGER:
        return physical == PrimitiveTypeName.INT32 && (logical == null || signedIntOf(logical, 32));
      case BIGINT:
        return physical == PrimitiveTypeName.INT64 && (logical == null || signedIntOf(logical, 64));
      case DOUBLE:
        return physical == PrimitiveTypeName.DOUBLE && logical == null;
      case DECIMAL:
        return logical instanceof DecimalLogicalTypeAnnotation d
            && d.getPrecision() == declared.precision() && d.getScale() == declared.scale()
            && physical != PrimitiveTypeName.INT96;
      case VARCHAR:
        return physical == PrimitiveTypeName.BINARY
            && (logical == null
                || logical.equals(LogicalTypeAnnotation.stringType())
                || logical.equals(LogicalTypeAnnotation.enumType()));
      case DATE:
        return physical == PrimitiveTypeName.INT32 && logical != null
            && logical.equals(LogicalTypeAnnotation.dateType());
      case TIMESTAMP:
        return physical == PrimitiveTypeName.INT64 && logical instanceof TimestampLogicalTypeAnnotation;
      default:
        return false;
    }
  }

  private static boolean signedIntOf(LogicalTypeAnnotation logical, int maxBits) {
    return logical instanceof IntLogicalTypeAnnotation i && i.isSigned() && i.getBitWidth() <= maxBits;
  }

  /** Parquet's own words for a file column, e.g. {@code INT64 DECIMAL(10,2) REQUIRED}. */
  static String describe(Type type) {
    StringBuilder sb = new StringBuilder();
    if (type.isPrimitive()) {
      PrimitiveType primitive = type.asPrimitiveType();
      sb.append(primitive.getPrimitiveTypeName());
      if (primitive.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
        sb.append('(').append(primitive.getTypeLength()).append(')');
      }
    } else {
      sb.append("a group");
    }
    if (type.getLogicalTypeAnnotation() != null) {
      sb.append(' ').append(type.getLogicalTypeAnnotation());
    }
    return sb.append(' ').append(type.getRepetition()).toString();
  }

  private static String similarName(MessageType schema, String name) {
    for (Type field : schema.getFields()) {
      if (field.getName().equalsIgnoreCase(name)) {
        return " (it has '" + field.getName() + "'; names are case-sensitive)";
      }
    }
    return "";
  }
}
