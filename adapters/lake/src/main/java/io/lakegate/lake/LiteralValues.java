package io.lakegate.lake;

import io.lakegate.catalog.ColumnType;

import java.math.BigDecimal;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/** Converts literals (and casts of literals) to the runtime representation of a column's type. */
final class LiteralValues {
  private LiteralValues() {
  }

  /** The value of {@code rex} as a value of {@code type}, or null when it is not a literal or not exactly representable. */
  static Comparable<?> of(RexNode rex, ColumnType type) {
    if (rex instanceof RexLiteral literal) {
      return convert(literal, type);
    }
    if (rex.getKind() == SqlKind.CAST && ((RexCall) rex).getOperands().get(0) instanceof RexLiteral literal
        && !literal.isNull()) {
      return castThenConvert(literal, rex.getType(), type);
    }
    return null;
  }

  /** A CHAR literal with trailing blanks (Calcite's padding of ragged IN lists), else null. */
  static String paddedChar(RexNode rex) {
    if (rex instanceof RexLiteral literal && !literal.isNull()
        && literal.getTypeName() == SqlTypeName.CHAR) {
      String s = literal.getValueAs(String.class);
      return s != null && s.endsWith(" ") ? s : null;
    }
    return null;
  }

  private static Comparable<?> convert(RexLiteral literal, ColumnType type) {
    if (literal.isNull()) {
      return null;
    }
    SqlTypeName literalType = literal.getTypeName();
    try {
      switch (type.sqlType()) {
        case INTEGER:
        case BIGINT:
        case DECIMAL:
        case DOUBLE:
          if (!SqlTypeFamily.NUMERIC.contains(literal.getType())) {
            return null;
          }
          return number(literal.getValueAs(BigDecimal.class), type);
        case VARCHAR:
          if (literalType != SqlTypeName.CHAR && literalType != SqlTypeName.VARCHAR) {
            return null;
          }
          String s = literal.getValueAs(String.class);
          // A padded CHAR literal may or may not equal the unpadded value; see paddedCharEquality.
          return literalType == SqlTypeName.CHAR && s != null && s.endsWith(" ") ? null : s;
        case DATE:
          return literalType == SqlTypeName.DATE ? literal.getValueAs(Integer.class) : null;
        case TIMESTAMP:
          return literalType == SqlTypeName.TIMESTAMP ? literal.getValueAs(Long.class) : null;
        case BOOLEAN:
          return literalType == SqlTypeName.BOOLEAN ? literal.getValueAs(Boolean.class) : null;
        default:
          return null;
      }
    } catch (ArithmeticException e) {
      // Not exactly representable in the column's type: no pushdown; Calcite still filters.
      return null;
    }
  }

  private static Comparable<?> number(BigDecimal value, ColumnType type) {
    if (value == null) {
      return null;
    }
    switch (type.sqlType()) {
      case INTEGER:
        return value.intValueExact();
      case BIGINT:
        return value.longValueExact();
      case DECIMAL:
        BigDecimal scaled = value.setScale(type.scale());
        return scaled.precision() <= type.precision() ? scaled : null;
      default:
        return value.doubleValue();
    }
  }

  private static Comparable<?> castThenConvert(RexLiteral literal, RelDataType castType, ColumnType type) {
    SqlTypeName target = castType.getSqlTypeName();
    String text = literal.getValueAs(String.class);
    if (text == null) {
      return null;
    }
    try {
      if (target == SqlTypeName.DATE && type.sqlType() == SqlTypeName.DATE) {
        return new DateString(text.trim()).getDaysSinceEpoch();
      }
      if (target == SqlTypeName.TIMESTAMP && type.sqlType() == SqlTypeName.TIMESTAMP) {
        return new TimestampString(text.trim()).getMillisSinceEpoch();
      }
      if (SqlTypeFamily.NUMERIC.contains(literal.getType()) && type.sqlType() != SqlTypeName.DOUBLE) {
        BigDecimal value = new BigDecimal(text.trim());
        // The cast itself must not round, or the pushed value would differ from Calcite's.
        switch (target) {
          case DECIMAL:
            value = value.setScale(castType.getScale());
            break;
          case INTEGER:
          case BIGINT:
            value = BigDecimal.valueOf(value.longValueExact());
            break;
          default:
            return null;
        }
        return number(value, type);
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Not a value of the target type or not exact: no pushdown; Calcite evaluates the cast itself.
      return null;
    }
    return null;
  }
}
