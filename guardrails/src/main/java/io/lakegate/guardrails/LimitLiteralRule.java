package io.lakegate.guardrails;

import java.math.BigDecimal;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A LIMIT, FETCH or OFFSET must fit in a BIGINT: Calcite cannot convert a larger literal and would
 * fail with an internal error. Any value in range is fine here; {@link RowLimitRule} lowers the
 * result's limit to the maximum.
 */
final class LimitLiteralRule {
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final long maxRowLimit;

  LimitLiteralRule(long maxRowLimit) {
    this.maxRowLimit = maxRowLimit;
  }

  void check(SqlNode statement) {
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlOrderBy orderBy) {
          checkLiteral(orderBy.fetch);
          checkLiteral(orderBy.offset);
        } else if (call instanceof SqlSelect select) {
          checkLiteral(select.getFetch());
          checkLiteral(select.getOffset());
        }
        return super.visit(call);
      }
    });
  }

  private void checkLiteral(SqlNode node) {
    if (node instanceof SqlNumericLiteral literal && literal.getValueAs(BigDecimal.class).compareTo(MAX) > 0) {
      throw GuardrailRule.ROW_LIMIT.violation("LIMIT/OFFSET " + literal.toValue() + " is beyond the range of BIGINT;"
          + " ask for at most " + maxRowLimit + " rows (larger limits are lowered to it)");
    }
  }
}
