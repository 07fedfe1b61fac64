package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableGrant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * When the policy grants only some columns of a table, no part of the plan may read another one:
 * not the result, and not a filter, join condition, grouping, ordering, aggregate argument or
 * correlated reference either. Each column a relational expression uses from its input is traced to
 * the table columns it comes from with Calcite's column-origin metadata; a use whose origin Calcite
 * cannot tell is refused while a partly granted table is in the plan.
 */
final class ColumnAllowlistRule {
  private final Allowlist allowlist;

  ColumnAllowlistRule(Allowlist allowlist) {
    this.allowlist = requireNonNull(allowlist, "allowlist");
  }

  void check(RelNode root, List<RelNode> plan) {
    if (!allowlist.restrictsColumns() || plan.stream().noneMatch(this::readsRestrictedTable)) {
      return;
    }
    RelMetadataQuery mq = root.getCluster().getMetadataQuery();
    for (int i = 0; i < root.getRowType().getFieldCount(); i++) {
      checkOrigins(mq, root, i);
    }
    Map<CorrelationId, RelNode> correlated = new HashMap<>();
    for (RelNode node : plan) {
      node.getVariablesSet().forEach(id -> correlated.put(id, node));
      if (node instanceof Correlate correlate) {
        correlated.put(correlate.getCorrelationId(), correlate);
      }
    }
    for (RelNode node : plan) {
      checkNode(mq, node, correlated);
    }
  }

  private boolean readsRestrictedTable(RelNode node) {
    RelOptTable table = node.getTable();
    if (table == null) {
      return false;
    }
    List<String> name = table.getQualifiedName();
    return allowlist.grant(name.get(name.size() - 1)).flatMap(TableGrant::columns).isPresent();
  }

  /** Every input field {@code node} reads, traced to its origins. */
  private void checkNode(RelMetadataQuery mq, RelNode node, Map<CorrelationId, RelNode> correlated) {
    // Expressions over the node's input(s): a join's condition addresses the join's own row type.
    RelNode fieldSource = node instanceof Join ? node : node.getInputs().size() == 1 ? node.getInput(0) : null;
    node.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        if (fieldSource == null) {
          throw unknown();
        }
        checkOrigins(mq, fieldSource, ref.getIndex());
        return ref;
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
          checkCorrelated(mq, correlated.get(variable.id), access.getField().getIndex());
          return access;
        }
        return super.visitFieldAccess(access);
      }
    });
    if (node instanceof Aggregate aggregate) {
      aggregate.getGroupSet().forEach(i -> checkOrigins(mq, aggregate.getInput(), i));
      for (AggregateCall call : aggregate.getAggCallList()) {
        call.getArgList().forEach(i -> checkOrigins(mq, aggregate.getInput(), i));
        if (call.filterArg >= 0) {
          checkOrigins(mq, aggregate.getInput(), call.filterArg);
        }
      }
    } else if (node instanceof Sort sort) {
      sort.getCollation().getFieldCollations().forEach(c -> checkOrigins(mq, sort.getInput(), c.getFieldIndex()));
    } else if (node instanceof Correlate correlate) {
      correlate.getRequiredColumns().forEach(i -> checkOrigins(mq, correlate.getLeft(), i));
    }
  }

  /** A field of a correlation variable: a field of the input row of the node that defines it. */
  private void checkCorrelated(RelMetadataQuery mq, RelNode definer, int field) {
    if (definer == null) {
      throw unknown();
    }
    RelNode source = definer instanceof Join || definer.getInputs().isEmpty() ? definer
        : definer instanceof Correlate correlate ? correlate.getLeft() : definer.getInput(0);
    checkOrigins(mq, source, field);
  }

  private void checkOrigins(RelMetadataQuery mq, RelNode node, int field) {
    Set<RelColumnOrigin> origins = mq.getColumnOrigins(node, field);
    if (origins == null) {
      throw unknown();
    }
    for (RelColumnOrigin origin : origins) {
      RelOptTable table = origin.getOriginTable();
      List<String> name = table.getQualifiedName();
      String tableName = name.get(name.size() - 1);
      String column = table.getRowType().getFieldList().get(origin.getOriginColumnOrdinal()).getName();
      TableGrant grant = allowlist.grant(tableName).orElseThrow(() -> allowlist.tableNotAllowed(tableName));
      if (!grant.allows(column)) {
        throw GuardrailRule.ALLOWLIST.violation("column '" + column + "' of table '" + tableName
            + "' is not in the allowlist; the columns that may be read are: "
            + String.join(", ", grant.columns().orElseThrow()) + " (name them instead of *)");
      }
    }
  }

  private GuardrailViolation unknown() {
    return GuardrailRule.ALLOWLIST.violation("the gateway cannot tell which columns this query reads from a table"
        + " whose columns are restricted; read only the allowed columns, in a simpler query");
  }
}
