package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;

/**
 * {@code PERCENTILE_CONT}/{@code PERCENTILE_DISC(f) WITHIN GROUP (ORDER BY x [DESC])} as one
 * ClickHouse expression over {@code x}, computing exactly what the lake path computes.
 *
 * <p>ClickHouse's quantile functions do not: {@code quantileExactLow(f)} takes element
 * {@code floor(f·n)} where the standard's {@code PERCENTILE_DISC} takes the ⌈f·n⌉-th value (they
 * differ whenever {@code f·n} is a whole number other than the median), and
 * {@code quantileExactInclusive(f)} interpolates in Float64, so an interpolated DECIMAL or INTEGER
 * (which Calcite types like {@code x}, truncating) can land one unit low. So the group's values are
 * sorted ({@code arraySort(groupArray(x))}, which skips NULLs) and the standard's positions are
 * computed in integer arithmetic from the fraction {@code P/Q}:
 *
 * <ul>
 *   <li>DISC: the element at ⌈P·n/Q⌉, at least the first;
 *   <li>CONT: position {@code P·(n−1)/Q = k + r/Q}; exact types give
 *       {@code trunc((lo·Q + (hi−lo)·r) / Q)} (ClickHouse's integer and Decimal divisions truncate,
 *       like Calcite's CAST), DOUBLE gives {@code lo + (r/Q)·(hi−lo)}, the lake path's own formula
 *       and order of operations, hence the same bits.
 * </ul>
 *
 * A group without values gives NULL. Made by {@link PercentileRule}; it exists only to be unparsed.
 */
final class ClickHousePercentile extends SqlAggFunction {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final BigInteger numerator;
  private final BigInteger denominator;
  private final boolean descending;
  private final RelDataType valueType;
  private final RelDataType resultType;

  /**
   * @param continuous PERCENTILE_CONT rather than PERCENTILE_DISC
   * @param fraction the percentile, in [0, 1]
   * @param descending whether the WITHIN GROUP order is DESC
   * @param valueType type of the ORDER BY expression
   * @param callType the call's type, as Calcite's validator derived it
   * @param resultType the same, not null (an empty group's NULL is added around the value)
   */
  ClickHousePercentile(boolean continuous, BigDecimal fraction, boolean descending, RelDataType valueType,
      RelDataType callType, RelDataType resultType) {
    super(continuous ? "PERCENTILE_CONT" : "PERCENTILE_DISC", null,
        continuous ? SqlKind.PERCENTILE_CONT : SqlKind.PERCENTILE_DISC, ReturnTypes.explicit(callType), null,
        OperandTypes.ANY, SqlFunctionCategory.SYSTEM, false, false, Optionality.MANDATORY);
    BigDecimal f = requireNonNull(fraction, "fraction").stripTrailingZeros();
    if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("percentile fraction must be between 0 and 1: " + f.toPlainString());
    }
    f = f.scale() < 0 ? f.setScale(0) : f;
    this.numerator = f.unscaledValue();
    this.denominator = BigInteger.TEN.pow(f.scale());
    this.descending = descending;
    this.valueType = requireNonNull(valueType, "valueType");
    this.resultType = requireNonNull(resultType, "resultType");
  }

  /** Calcite types and checks it like the standard percentile it replaces. */
  @Override
  public boolean isPercentile() {
    return true;
  }

  /**
   * Writes the ClickHouse expression; {@code call} is the call on the ORDER BY expression (the
   * dialect drops Calcite's {@code WITHIN GROUP} around it, whose order this function already knows).
   */
  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    new Formula(call.operand(0), writer).build().unparse(writer, leftPrec, rightPrec);
  }

  /** The expression for one ORDER BY operand, as SqlNodes the dialect unparses. */
  private final class Formula {
    private final SqlNode x;
    private final SqlWriter writer;
    private final SqlNode q = number(denominator);

    Formula(SqlNode x, SqlWriter writer) {
      this.x = x;
      this.writer = writer;
    }

    SqlNode build() {
      SqlNode count = fn("count", x);
      SqlNode value = getKind() == SqlKind.PERCENTILE_DISC ? discrete(count) : continuous(count);
      return fn("if", SqlStdOperatorTable.EQUALS.createCall(POS, count, number(BigInteger.ZERO)),
          SqlLiteral.createNull(POS), value);
    }

    /** {@code arrayElement(sorted, greatest(1, intDiv(n·P + Q − 1, Q)))}: the ⌈P·n/Q⌉-th value. */
    private SqlNode discrete(SqlNode count) {
      SqlNode rank = fn("intDiv",
          plus(times(count, number(numerator)), number(denominator.subtract(BigInteger.ONE))), q);
      return fn("arrayElement", sorted(), fn("greatest", number(BigInteger.ONE), rank));
    }

    private SqlNode continuous(SqlNode count) {
      SqlNode scaled = times(minus(count, number(BigInteger.ONE)), number(numerator));
      SqlNode k = fn("intDiv", scaled, q);
      SqlNode r = SqlStdOperatorTable.PERCENT_REMAINDER.createCall(POS, scaled, q);
      SqlNode lo = fn("arrayElement", sorted(), plus(k, number(BigInteger.ONE)));
      SqlNode hi = fn("arrayElement", sorted(), plus(k, number(BigInteger.TWO)));
      SqlTypeName type = valueType.getSqlTypeName();
      if (type == SqlTypeName.DOUBLE || type == SqlTypeName.FLOAT || type == SqlTypeName.REAL) {
        SqlNode weight = SqlStdOperatorTable.DIVIDE.createCall(POS, r, q);
        return fn("if", SqlStdOperatorTable.EQUALS.createCall(POS, r, number(BigInteger.ZERO)), lo,
            plus(lo, times(weight, minus(hi, lo))));
      }
      boolean decimal = type == SqlTypeName.DECIMAL;
      SqlNode exactLo = decimal ? lo : fn("toInt128", lo);
      SqlNode exactHi = decimal ? hi : fn("toInt128", hi);
      SqlNode scaledValue = plus(times(exactLo, q), times(minus(exactHi, exactLo), r));
      SqlNode truncated = decimal
          ? SqlStdOperatorTable.DIVIDE.createCall(POS, scaledValue, q)
          : fn("intDiv", scaledValue, q);
      return SqlStdOperatorTable.CAST.createCall(POS, truncated, writer.getDialect().getCastSpec(resultType));
    }

    private SqlNode sorted() {
      return fn(descending ? "arrayReverseSort" : "arraySort", fn("groupArray", x));
    }
  }

  private static SqlNode fn(String name, SqlNode... operands) {
    return ClickHouseFunction.of(name).createCall(POS, operands);
  }

  private static SqlNode number(BigInteger value) {
    return SqlLiteral.createExactNumeric(value.toString(), POS);
  }

  private static SqlNode plus(SqlNode a, SqlNode b) {
    return SqlStdOperatorTable.PLUS.createCall(POS, a, b);
  }

  private static SqlNode minus(SqlNode a, SqlNode b) {
    return SqlStdOperatorTable.MINUS.createCall(POS, a, b);
  }

  private static SqlNode times(SqlNode a, SqlNode b) {
    return SqlStdOperatorTable.MULTIPLY.createCall(POS, a, b);
  }
}
