package io.lakegate.clickhouse;

import static io.lakegate.clickhouse.LakegateClickHouseDialect.fn;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXTRACT(unit FROM x)} as ClickHouse's {@code toYear(x)}, {@code toDayOfWeek(x, 3)}, ...,
 * numbered as Calcite numbers them (Calcite's dialect writes {@code DAYOFWEEK}, Monday = 1).
 */
final class ExtractSql {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private ExtractSql() {
  }

  /** EXTRACT with Calcite's numbering; false leaves units without a ClickHouse function to the default. */
  static boolean unparse(SqlWriter writer, SqlCall call) {
    TimeUnitRange unit = ((SqlLiteral) call.operand(0)).getValueAs(TimeUnitRange.class);
    SqlNode value = call.operand(1);
    SqlNode result;
    switch (unit) {
      case YEAR:
        result = fn("toYear", value);
        break;
      case QUARTER:
        result = fn("toQuarter", value);
        break;
      case MONTH:
        result = fn("toMonth", value);
        break;
      case WEEK:
        result = fn("toISOWeek", value);
        break;
      case DAY:
        result = fn("toDayOfMonth", value);
        break;
      case DOW:
        // mode 3: Sunday = 1 ... Saturday = 7, Calcite's DAYOFWEEK
        result = fn("toDayOfWeek", value, SqlLiteral.createExactNumeric("3", POS));
        break;
      case ISODOW:
        result = fn("toDayOfWeek", value);
        break;
      case DOY:
        result = fn("toDayOfYear", value);
        break;
      case ISOYEAR:
        result = fn("toISOYear", value);
        break;
      case HOUR:
        result = fn("toHour", value);
        break;
      case MINUTE:
        result = fn("toMinute", value);
        break;
      case SECOND:
        result = fn("toSecond", value);
        break;
      default:
        return false;
    }
    result.unparse(writer, 0, 0);
    return true;
  }
}
