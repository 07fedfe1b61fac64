package io.lakegate.guardrails;

import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Bounds the size of a parsed statement before Calcite validates and plans it: at most
 * {@value #MAX_DEPTH} levels of nesting (each level costs stack in the validator and the planner)
 * and at most {@value #MAX_NODES} parts (a huge IN list is planned as a join with a table of
 * literals). A statement nested too deeply for the parser itself is rejected the same way.
 */
final class ComplexityRule {
  static final int MAX_DEPTH = 150;
  static final int MAX_NODES = 10_000;

  /** Walks the tree without recursion, so that the check itself cannot run out of stack. */
  void check(SqlNode statement) {
    Deque<SqlNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(statement);
    depths.push(1);
    int count = 0;
    while (!nodes.isEmpty()) {
      SqlNode node = nodes.pop();
      int depth = depths.pop();
      if (++count > MAX_NODES) {
        throw GuardrailRule.COMPLEXITY.violation("the statement has more than " + MAX_NODES + " parts; shorten it"
            + " (replace a long IN list by a range or a join, split it into several queries)");
      }
      if (depth > MAX_DEPTH) {
        throw tooDeep();
      }
      Iterable<SqlNode> children = node instanceof SqlNodeList list ? list
          : node instanceof SqlCall call ? call.getOperandList() : null;
      if (children != null) {
        for (SqlNode child : children) {
          if (child != null) {
            nodes.push(child);
            depths.push(depth + 1);
          }
        }
      }
    }
  }

  /** The violation for a statement nested more deeply than the parser can follow. */
  static GuardrailViolation tooDeep() {
    return GuardrailRule.COMPLEXITY.violation("the statement nests more than " + MAX_DEPTH + " levels deep"
        + " (expressions, function calls or sub-queries); flatten it, e.g. with CASE or a WITH clause");
  }
}
