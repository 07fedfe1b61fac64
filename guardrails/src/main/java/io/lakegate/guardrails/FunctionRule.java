package io.lakegate.guardrails;

import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedTableFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedTableMacro;

/**
 * A plan may call only SQL's built-in functions: no table function scan and no user-defined or
 * external function, scalar, aggregate or table-valued (a schema could otherwise bring code or a
 * remote source into a statement). lakegate's own aggregates are added later by planner rules and
 * are not affected.
 */
final class FunctionRule {
  void check(List<RelNode> plan) {
    for (RelNode node : plan) {
      if (node instanceof TableFunctionScan scan) {
        throw notAllowed(scan.getCall() instanceof RexCall call ? call.getOperator().getName() : "?");
      }
      if (node instanceof Aggregate aggregate) {
        for (AggregateCall call : aggregate.getAggCallList()) {
          check(call.getAggregation());
        }
      }
      node.accept(new RexShuttle() {
        @Override
        public RexNode visitCall(RexCall call) {
          check(call.getOperator());
          return super.visitCall(call);
        }
      });
    }
  }

  private static void check(SqlOperator operator) {
    if (operator instanceof SqlUserDefinedFunction || operator instanceof SqlUserDefinedAggFunction
        || operator instanceof SqlUserDefinedTableFunction || operator instanceof SqlUserDefinedTableMacro) {
      throw notAllowed(operator.getName());
    }
  }

  private static GuardrailViolation notAllowed(String name) {
    return GuardrailRule.FUNCTION.violation("function '" + name + "' is not allowed: only SQL's built-in functions"
        + " can be called (no table functions, user-defined or external functions)");
  }
}
