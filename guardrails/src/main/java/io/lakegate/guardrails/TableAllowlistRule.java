package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;

/**
 * Every table a plan reads (its scans, whatever the backend's scan class) must be an allowlisted
 * table of the virtual schema: this is what keeps Calcite's {@code metadata} schema, a system table
 * or a declared but withheld table out, however the statement spelled or hid the name.
 */
final class TableAllowlistRule {
  private final Allowlist allowlist;

  TableAllowlistRule(Allowlist allowlist) {
    this.allowlist = requireNonNull(allowlist, "allowlist");
  }

  void check(List<RelNode> plan) {
    for (RelNode node : plan) {
      RelOptTable table = node.getTable();
      if (table != null) {
        List<String> name = table.getQualifiedName();
        boolean allowed = name.size() == 2 && name.get(0).equals(allowlist.schemaName())
            && allowlist.grant(name.get(1)).isPresent();
        if (!allowed) {
          throw allowlist.tableNotAllowed(String.join(".", name));
        }
      }
    }
  }
}
