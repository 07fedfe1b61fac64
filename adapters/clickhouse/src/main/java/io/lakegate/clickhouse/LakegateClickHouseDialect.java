package io.lakegate.clickhouse;

import java.util.List;

import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.ClickHouseSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's {@link ClickHouseSqlDialect}, corrected and extended so that the SQL Calcite generates
 * gives ClickHouse the lake path's answers: the same rows, in the same order, with the same values.
 *
 * <p>What it changes, and why:
 * <ul>
 *   <li>types and literals: DATE is {@code Date32}, TIMESTAMP {@code DateTime64(3, 'UTC')} (Calcite
 *       writes {@code DateTime}, losing milliseconds), DECIMAL literals are typed Decimals
 *       (ClickHouse reads {@code 1.50} as Float64, which does not mix with Decimal), booleans are
 *       {@code true}/{@code false}, string literals escape backslashes (ClickHouse's escape
 *       character);
 *   <li>ordering: every ORDER BY item states {@code NULLS FIRST|LAST} (ClickHouse puts NULLs last
 *       both ways; Calcite's default puts them first when descending);
 *   <li>{@code LIMIT n OFFSET m}, also without a LIMIT (Calcite's dialect fails there);
 *   <li>semantics that differ: integer {@code /} is {@code intDiv} (ClickHouse divides in floating
 *       point), {@code FLOOR/CEIL(x TO unit)} for every unit with Sunday weeks, {@code EXTRACT} with
 *       Calcite's numbering ({@code DOW} Sunday = 1), string functions on characters rather than
 *       bytes, {@code LAG/LEAD} returning NULL (not 0) outside the partition,
 *       {@code FIRST_VALUE/LAST_VALUE} respecting NULLs, exact {@code COUNT(DISTINCT)} (never
 *       {@code uniq}); percentiles are {@link ClickHousePercentile};
 *   <li>window functions are pushed down (Calcite's dialect says ClickHouse has none).
 * </ul>
 * Rewrites that need types happen on {@link RexNode}s in {@link #prepareUnparse} ({@link ClickHouseRexRewrites});
 * the rest on the generated {@link SqlNode}s in {@link #unparseCall} ({@link ExtractSql},
 * {@link WindowFunctionSql}).
 */
public class LakegateClickHouseDialect extends ClickHouseSqlDialect {
  /** ClickHouse sorts NULLs last in both directions unless told otherwise. */
  public static final Context CONTEXT = ClickHouseSqlDialect.DEFAULT_CONTEXT.withNullCollation(NullCollation.LAST);

  public static final LakegateClickHouseDialect DEFAULT = new LakegateClickHouseDialect(CONTEXT);

  private static final SqlParserPos POS = SqlParserPos.ZERO;

  public LakegateClickHouseDialect(Context context) {
    super(context);
  }

  @Override
  public boolean supportsWindowFunctions() {
    return true;
  }

  /** APPROX_COUNT_DISTINCT stays exact, as on the lake path ({@code uniq} is an estimate). */
  @Override
  public boolean supportsApproxCountDistinct() {
    return false;
  }

  /** Always an explicit select list: ClickHouse's column order or hidden columns never matter. */
  @Override
  public boolean supportGenerateSelectStar(RelNode relNode) {
    return false;
  }

  /**
   * No direction is implied: every ORDER BY item gets an explicit {@code NULLS FIRST|LAST}, so the
   * order is Calcite's (NULLS LAST ascending, NULLS FIRST descending) whatever ClickHouse's default.
   */
  @Override
  public RelFieldCollation.NullDirection defaultNullDirection(RelFieldCollation.Direction direction) {
    return RelFieldCollation.NullDirection.UNSPECIFIED;
  }

  /**
   * Percentiles reach the JDBC aggregate only as {@link ClickHousePercentile} calls (see
   * {@link ClickHouseAggregateRule}); AVG, STDDEV and VAR are left to Calcite's reduction into
   * SUM and COUNT, whose arithmetic this dialect types like Calcite.
   */
  @Override
  public boolean supportsAggregateFunction(SqlKind kind) {
    switch (kind) {
      case PERCENTILE_CONT:
      case PERCENTILE_DISC:
        return true;
      default:
        return super.supportsAggregateFunction(kind);
    }
  }

  @Override
  public RexNode prepareUnparse(RexNode rex) {
    return super.prepareUnparse(ClickHouseRexRewrites.rewrite(rex));
  }

  @Override
  public @Nullable SqlNode getCastSpec(RelDataType type) {
    String name;
    switch (type.getSqlTypeName()) {
      case DATE:
        name = "Date32";
        break;
      case TIMESTAMP:
        name = "DateTime64(" + Math.max(type.getPrecision(), 0) + ", 'UTC')";
        break;
      case DECIMAL:
        name = "Decimal(" + type.getPrecision() + ", " + type.getScale() + ")";
        break;
      case BOOLEAN:
        name = "Bool";
        break;
      case TINYINT:
        name = "Int8";
        break;
      case SMALLINT:
        name = "Int16";
        break;
      case INTEGER:
        name = "Int32";
        break;
      case BIGINT:
        name = "Int64";
        break;
      case REAL:
        name = "Float32";
        break;
      case FLOAT:
      case DOUBLE:
        name = "Float64";
        break;
      case VARCHAR:
        name = "String";
        break;
      default:
        return super.getCastSpec(type);
    }
    return typeSpec(type.isNullable() ? "Nullable(" + name + ")" : name, type.getSqlTypeName());
  }

  /** A type written as ClickHouse spells it, unquoted. */
  private static SqlDataTypeSpec typeSpec(String text, SqlTypeName typeName) {
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(typeName, POS) {
      @Override
      public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.print(text);
      }
    }, POS);
  }

  @Override
  public void unparseDateTimeLiteral(SqlWriter writer, SqlAbstractDateTimeLiteral literal, int leftPrec,
      int rightPrec) {
    if (literal instanceof SqlDateLiteral) {
      writer.print("toDate32(" + quote(literal.toFormattedString()) + ")");
    } else if (literal instanceof SqlTimestampLiteral) {
      writer.print("toDateTime64(" + quote(literal.toFormattedString()) + ", 3, 'UTC')");
    } else {
      super.unparseDateTimeLiteral(writer, literal, leftPrec, rightPrec);
    }
  }

  @Override
  public void unparseBoolLiteral(SqlWriter writer, SqlLiteral literal, int leftPrec, int rightPrec) {
    Boolean value = (Boolean) literal.getValue();
    writer.keyword(value == null ? "NULL" : value ? "true" : "false");
  }

  /** Exact literals with a fraction are typed Decimals; ClickHouse would read {@code 1.50} as Float64. */
  @Override
  public void unparseNumericLiteral(SqlWriter writer, String value, int leftPrec, int rightPrec) {
    int point = value.indexOf('.');
    if (point >= 0 && value.indexOf('E') < 0 && value.indexOf('e') < 0) {
      int scale = value.length() - point - 1;
      writer.print("toDecimal128(" + quote(value) + ", " + scale + ")");
    } else {
      writer.literal(value);
    }
  }

  /** ClickHouse string literals: quotes doubled and backslashes escaped; no charset prefix. */
  @Override
  public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    buf.append(quote(val));
  }

  /** ClickHouse takes UTF-8 text in plain literals and has no {@code U&'...'} form. */
  @Override
  public void quoteStringLiteralUnicode(StringBuilder buf, String val) {
    buf.append(quote(val));
  }

  /** The one escaping helper for every literal this dialect writes by hand. */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @Override
  public void unparseOffsetFetch(SqlWriter writer, @Nullable SqlNode offset, @Nullable SqlNode fetch) {
    if (offset == null && fetch == null) {
      return;
    }
    writer.newlineAndIndent();
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FETCH);
    if (fetch != null) {
      writer.keyword("LIMIT");
      fetch.unparse(writer, -1, -1);
    }
    if (offset != null) {
      writer.keyword("OFFSET");
      offset.unparse(writer, -1, -1);
    }
    writer.endList(frame);
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    switch (call.getKind()) {
      case EXTRACT:
        if (ExtractSql.unparse(writer, call)) {
          return;
        }
        break;
      case OVER:
        if (WindowFunctionSql.unparse(writer, call, leftPrec, rightPrec)) {
          return;
        }
        break;
      case LIKE:
        unparseLike(writer, call, leftPrec, rightPrec);
        return;
      case WITHIN_GROUP:
        if (call.operand(0) instanceof SqlCall percentile
            && percentile.getOperator() instanceof ClickHousePercentile) {
          percentile.unparse(writer, leftPrec, rightPrec);
          return;
        }
        break;
      case POSITION:
        // POSITION(x IN s [FROM i]) -> positionUTF8(s, x [, i]): characters, not bytes
        List<SqlNode> operands = call.getOperandList();
        SqlNode[] args = operands.size() == 3
            ? new SqlNode[] {operands.get(1), operands.get(0), operands.get(2)}
            : new SqlNode[] {operands.get(1), operands.get(0)};
        fn("positionUTF8", args).unparse(writer, leftPrec, rightPrec);
        return;
      default:
        break;
    }
    String utf8 = utf8Function(call);
    if (utf8 != null) {
      fn(utf8, call.getOperandList().toArray(SqlNode[]::new)).unparse(writer, leftPrec, rightPrec);
      return;
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }

  /** ClickHouse's {@code substring}, {@code lower}, {@code upper} work on bytes; these on characters. */
  private static @Nullable String utf8Function(SqlCall call) {
    if (call.getOperator() == SqlStdOperatorTable.SUBSTRING) {
      return "substringUTF8";
    }
    if (call.getOperator() == SqlStdOperatorTable.LOWER) {
      return "lowerUTF8";
    }
    if (call.getOperator() == SqlStdOperatorTable.UPPER) {
      return "upperUTF8";
    }
    return null;
  }

  /**
   * LIKE with a literal pattern: a backslash in a standard pattern is an ordinary character, in
   * ClickHouse the escape character, so it is doubled.
   */
  private void unparseLike(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    SqlNode pattern = call.operand(1);
    if (pattern instanceof SqlCharStringLiteral literal && call.operandCount() == 2) {
      String value = literal.getValueAs(NlsString.class).getValue();
      SqlNode escaped = SqlLiteral.createCharString(value.replace("\\", "\\\\"), POS);
      super.unparseCall(writer, call.getOperator().createCall(POS, call.operand(0), escaped), leftPrec, rightPrec);
      return;
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }

  static SqlNode fn(String name, SqlNode... operands) {
    return ClickHouseFunction.of(name).createCall(POS, operands);
  }
}
