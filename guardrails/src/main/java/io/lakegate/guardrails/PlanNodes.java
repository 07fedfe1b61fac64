package io.lakegate.guardrails;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * Every relational expression of a plan once, including those inside sub-queries that are still
 * expressions ({@link RexSubQuery}) when the guardrails run, before the planner decorrelates them.
 */
final class PlanNodes {
  private PlanNodes() {
  }

  static List<RelNode> of(RelNode root) {
    List<RelNode> nodes = new ArrayList<>();
    Set<RelNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<RelNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      RelNode node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      nodes.add(node);
      node.getInputs().forEach(pending::push);
      node.accept(new RexShuttle() {
        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
          pending.push(subQuery.rel);
          return super.visitSubQuery(subQuery);
        }
      });
    }
    return nodes;
  }
}
