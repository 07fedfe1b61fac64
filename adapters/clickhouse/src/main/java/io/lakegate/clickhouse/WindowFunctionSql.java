package io.lakegate.clickhouse;

import static io.lakegate.clickhouse.LakegateClickHouseDialect.fn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Window function calls ({@code f(...) OVER (...)}) whose ClickHouse spelling or meaning differs
 * from Calcite's; the others (ROW_NUMBER, RANK, DENSE_RANK, aggregates over frames) are written as
 * Calcite writes them.
 */
final class WindowFunctionSql {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private WindowFunctionSql() {
  }

  /**
   * Writes {@code over} if it needs ClickHouse's own form, and says whether it did:
   * {@code LAG/LEAD} become {@code lagInFrame/leadInFrame} over the whole partition, on a Nullable
   * value so that a missing row gives NULL rather than the type's default; {@code FIRST_VALUE} and
   * {@code LAST_VALUE} respect NULLs unless told {@code IGNORE NULLS} (ClickHouse's default skips
   * them); {@code NTILE} is Calcite's formula; {@code PERCENT_RANK}, {@code CUME_DIST} lower-case.
   */
  static boolean unparse(SqlWriter writer, SqlCall over, int leftPrec, int rightPrec) {
    SqlCall function = over.operand(0);
    SqlNode window = over.operand(1);
    switch (function.getKind()) {
      case LAG:
      case LEAD: {
        if (!(window instanceof SqlWindow w)) {
          return false;
        }
        List<SqlNode> operands = new ArrayList<>(function.getOperandList());
        operands.set(0, fn("toNullable", operands.get(0)));
        SqlNode replaced = fn(function.getKind() == SqlKind.LAG ? "lagInFrame" : "leadInFrame",
            operands.toArray(SqlNode[]::new));
        SqlStdOperatorTable.OVER.createCall(POS, replaced, wholePartition(w)).unparse(writer, leftPrec, rightPrec);
        return true;
      }
      case FIRST_VALUE:
      case LAST_VALUE: {
        SqlNode replaced = ClickHouseFunction.respectingNulls(function.getKind() == SqlKind.FIRST_VALUE
            ? "first_value" : "last_value").createCall(POS, function.getOperandList());
        SqlStdOperatorTable.OVER.createCall(POS, replaced, window).unparse(writer, leftPrec, rightPrec);
        return true;
      }
      case NTILE:
        if (!(window instanceof SqlWindow w)) {
          return false;
        }
        calciteNtile(function.operand(0), w).unparse(writer, leftPrec, rightPrec);
        return true;
      case PERCENT_RANK:
      case CUME_DIST: {
        // ClickHouse knows these by their lower-case names only
        SqlNode replaced = fn(function.getOperator().getName().toLowerCase(Locale.ROOT));
        SqlStdOperatorTable.OVER.createCall(POS, replaced, window).unparse(writer, leftPrec, rightPrec);
        return true;
      }
      case IGNORE_NULLS: {
        SqlCall inner = function.operand(0);
        if (inner.getKind() != SqlKind.FIRST_VALUE && inner.getKind() != SqlKind.LAST_VALUE) {
          return false;
        }
        SqlNode replaced = fn(inner.getKind() == SqlKind.FIRST_VALUE ? "first_value" : "last_value",
            inner.getOperandList().toArray(SqlNode[]::new));
        SqlStdOperatorTable.OVER.createCall(POS, replaced, window).unparse(writer, leftPrec, rightPrec);
        return true;
      }
      default:
        return false;
    }
  }

  /**
   * Calcite's NTILE, which the lake path computes: {@code 1 + tiles * (row - 1) / rows} in integer
   * arithmetic over the partition; ClickHouse's {@code ntile} follows the SQL standard instead,
   * whose buckets differ (10 rows in 4 tiles: Calcite 3,2,3,2 rows, the standard 3,3,2,2).
   */
  private static SqlNode calciteNtile(SqlNode tiles, SqlWindow window) {
    SqlWindow partition = SqlWindow.create(null, null, window.getPartitionList(), SqlNodeList.EMPTY,
        SqlLiteral.createBoolean(true, POS), SqlWindow.createUnboundedPreceding(POS),
        SqlWindow.createUnboundedFollowing(POS), null, POS);
    SqlNode rowNumber = SqlStdOperatorTable.OVER.createCall(POS, fn("row_number"), window);
    SqlNode rows = SqlStdOperatorTable.OVER.createCall(POS, fn("count"), partition);
    SqlNode position = SqlStdOperatorTable.MINUS.createCall(POS, rowNumber, SqlLiteral.createExactNumeric("1", POS));
    return SqlStdOperatorTable.PLUS.createCall(POS, SqlLiteral.createExactNumeric("1", POS),
        fn("intDiv", SqlStdOperatorTable.MULTIPLY.createCall(POS, tiles, position), rows));
  }

  /** The same window over its whole partition: {@code ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING}. */
  private static SqlWindow wholePartition(SqlWindow window) {
    return SqlWindow.create(null, null, window.getPartitionList(), window.getOrderList(),
        SqlLiteral.createBoolean(true, POS), SqlWindow.createUnboundedPreceding(POS),
        SqlWindow.createUnboundedFollowing(POS), null, POS);
  }
}
