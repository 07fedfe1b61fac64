package io.lakegate.lake;

import java.math.BigDecimal;

import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Turns a row-group {@link LakePredicate} into parquet's {@link FilterPredicate} for one file,
 * whose physical encoding of a declared type may differ from another file's (a DECIMAL in INT32
 * or INT64, a TIMESTAMP in MILLIS or MICROS).
 *
 * <p>The result is used only against min/max statistics, and only needs to keep every row group
 * that may hold a matching row: parts that cannot be expressed exactly for this file are left
 * out, as in {@link FilterTranslator}.
 */
final class ParquetPredicates {
  private ParquetPredicates() {
  }

  /** The parquet predicate for {@code predicate} in a file of {@code schema}, or null when nothing can be expressed. */
  static FilterPredicate forFile(LakePredicate predicate, MessageType schema) {
    return translate(predicate, schema, false);
  }

  private static FilterPredicate translate(LakePredicate predicate, MessageType schema, boolean exact) {
    if (predicate instanceof LakePredicate.And and) {
      FilterPredicate result = null;
      for (LakePredicate term : and.terms()) {
        FilterPredicate p = translate(term, schema, exact);
        if (p == null && exact) {
          return null;
        }
        if (p != null) {
          result = result == null ? p : FilterApi.and(result, p);
        }
      }
      return result;
    }
    if (predicate instanceof LakePredicate.Or or) {
      FilterPredicate result = null;
      for (LakePredicate term : or.terms()) {
        FilterPredicate p = translate(term, schema, exact);
        if (p == null) {
          return null;
        }
        result = result == null ? p : FilterApi.or(result, p);
      }
      return result;
    }
    if (predicate instanceof LakePredicate.Not not) {
      FilterPredicate p = translate(not.term(), schema, true);
      return p == null ? null : FilterApi.not(p);
    }
    if (predicate instanceof LakePredicate.IsNull isNull) {
      return isNull(isNull, schema);
    }
    return compare((LakePredicate.Compare) predicate, schema);
  }

  private static PrimitiveType primitive(LakePredicate.Column column, MessageType schema) {
    // FilterApi reads dots as nesting; a top-level name with a dot cannot be addressed.
    if (column.name().indexOf('.') >= 0 || !schema.containsField(column.name())) {
      return null;
    }
    return schema.getType(column.name()).asPrimitiveType();
  }

  private static FilterPredicate isNull(LakePredicate.IsNull isNull, MessageType schema) {
    PrimitiveType type = primitive(isNull.column(), schema);
    if (type == null) {
      return null;
    }
    String name = isNull.column().name();
    boolean eq = !isNull.negated();
    switch (type.getPrimitiveTypeName()) {
      case INT32:
        return eq ? FilterApi.eq(FilterApi.intColumn(name), null) : FilterApi.notEq(FilterApi.intColumn(name), null);
      case INT64:
        return eq ? FilterApi.eq(FilterApi.longColumn(name), null) : FilterApi.notEq(FilterApi.longColumn(name), null);
      case DOUBLE:
        return eq ? FilterApi.eq(FilterApi.doubleColumn(name), null) : FilterApi.notEq(FilterApi.doubleColumn(name), null);
      case BOOLEAN:
        return eq ? FilterApi.eq(FilterApi.booleanColumn(name), null)
            : FilterApi.notEq(FilterApi.booleanColumn(name), null);
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        return eq ? FilterApi.eq(FilterApi.binaryColumn(name), null)
            : FilterApi.notEq(FilterApi.binaryColumn(name), null);
      default:
        return null;
    }
  }

  private static FilterPredicate compare(LakePredicate.Compare compare, MessageType schema) {
    PrimitiveType type = primitive(compare.column(), schema);
    if (type == null) {
      return null;
    }
    String name = compare.column().name();
    LakePredicate.Op op = compare.op();
    Object value = compare.value();
    PrimitiveTypeName physical = type.getPrimitiveTypeName();
    switch (compare.column().type().sqlType()) {
      case INTEGER:
      case DATE:
        return ordered(FilterApi.intColumn(name), op, (Integer) value);
      case BIGINT:
        return ordered(FilterApi.longColumn(name), op, (Long) value);
      case DOUBLE:
        return ordered(FilterApi.doubleColumn(name), op, (Double) value);
      case BOOLEAN:
        return op == LakePredicate.Op.EQ ? FilterApi.eq(FilterApi.booleanColumn(name), (Boolean) value)
            : op == LakePredicate.Op.NE ? FilterApi.notEq(FilterApi.booleanColumn(name), (Boolean) value) : null;
      case TIMESTAMP:
        // Other units would need bounds rounded per operator; MILLIS compares exactly.
        return type.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation ts
            && ts.getUnit() == TimeUnit.MILLIS ? ordered(FilterApi.longColumn(name), op, (Long) value) : null;
      case DECIMAL:
        BigDecimal decimal = (BigDecimal) value;
        if (physical == PrimitiveTypeName.INT32) {
          return ordered(FilterApi.intColumn(name), op, decimal.unscaledValue().intValueExact());
        }
        if (physical == PrimitiveTypeName.INT64) {
          return ordered(FilterApi.longColumn(name), op, decimal.unscaledValue().longValueExact());
        }
        // Binary decimals compare as signed big-endian two's complement; not pushed.
        return null;
      case VARCHAR:
        String s = (String) value;
        if (op != LakePredicate.Op.EQ && op != LakePredicate.Op.NE && !bmpBelowSurrogates(s)) {
          return null;
        }
        return ordered(FilterApi.binaryColumn(name), op, Binary.fromString(s));
      default:
        return null;
    }
  }

  /**
   * Parquet orders strings by UTF-8 bytes (code points), Java by UTF-16 units; for a literal made
   * of characters below U+D800 both orders agree on how any value compares with it.
   */
  private static boolean bmpBelowSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\uD800') {
        return false;
      }
    }
    return true;
  }

  private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
      FilterPredicate ordered(C column, LakePredicate.Op op, T value) {
    switch (op) {
      case EQ:
        return FilterApi.eq(column, value);
      case NE:
        return FilterApi.notEq(column, value);
      case LT:
        return FilterApi.lt(column, value);
      case LE:
        return FilterApi.ltEq(column, value);
      case GT:
        return FilterApi.gt(column, value);
      default:
        return FilterApi.gtEq(column, value);
    }
  }
}
