package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.PolicyConfig;
import io.lakegate.catalog.TableGrant;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tables and columns the policy lets a statement read, all in the one virtual schema. */
final class Allowlist {
  private final String schemaName;
  private final List<TableGrant> grants;

  Allowlist(String schemaName, PolicyConfig policy) {
    this.schemaName = requireNonNull(schemaName, "schemaName");
    this.grants = requireNonNull(policy, "policy").tables();
  }

  String schemaName() {
    return schemaName;
  }

  /** The grant of the table named exactly {@code table} (a name Calcite has resolved). */
  Optional<TableGrant> grant(String table) {
    return grants.stream().filter(g -> g.table().equals(table)).findFirst();
  }

  /** The grant of a table as a statement names it, matched as the parser configuration says. */
  Optional<TableGrant> find(String table, boolean caseSensitive) {
    return grants.stream().filter(g -> caseSensitive ? g.table().equals(table) : g.table().equalsIgnoreCase(table))
        .findFirst();
  }

  /** Whether the schema name in a statement names the virtual schema. */
  boolean isSchema(String name, boolean caseSensitive) {
    return caseSensitive ? schemaName.equals(name) : schemaName.equalsIgnoreCase(name);
  }

  /** Whether some table may be read only in part, so that the columns of a plan must be checked. */
  boolean restrictsColumns() {
    return grants.stream().anyMatch(g -> g.columns().isPresent());
  }

  /** The violation for a table outside the allowlist, naming the tables a statement may read. */
  GuardrailViolation tableNotAllowed(String table) {
    return GuardrailRule.ALLOWLIST.violation("table '" + table + "' is not in the allowlist: " + tables()
        + "; query only these tables of schema '" + schemaName + "'");
  }

  /** The allowed tables, comma-separated (for messages). */
  String tables() {
    return grants.isEmpty() ? "(none)" : grants.stream().map(TableGrant::table).collect(Collectors.joining(", "));
  }
}
