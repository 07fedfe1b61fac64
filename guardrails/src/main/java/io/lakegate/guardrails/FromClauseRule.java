package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * What a statement reads, checked on the parsed tree before validation: every table named in a
 * FROM clause (or {@code TABLE t}) must be an allowlisted table of the virtual schema, or a WITH
 * query of the statement; a table function in FROM ({@code url(...)}, {@code TABLE(file(...))}) is
 * refused. This gives the caller a precise error early; the plan is checked again by
 * {@link TableAllowlistRule} and {@link FunctionRule}, which are the guarantee.
 */
final class FromClauseRule {
  private final Allowlist allowlist;
  private final boolean caseSensitive;

  FromClauseRule(Allowlist allowlist, boolean caseSensitive) {
    this.allowlist = requireNonNull(allowlist, "allowlist");
    this.caseSensitive = caseSensitive;
  }

  void check(SqlNode statement) {
    List<String> withNames = new ArrayList<>();
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlWith with) {
          for (SqlNode item : with.withList) {
            withNames.add(((SqlWithItem) item).name.getSimple());
          }
        }
        return super.visit(call);
      }
    });
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
          checkFrom(select.getFrom(), withNames);
        } else if (call.getKind() == SqlKind.EXPLICIT_TABLE) {
          checkFrom(call.operand(0), withNames);
        }
        return super.visit(call);
      }
    });
  }

  private void checkFrom(SqlNode from, List<String> withNames) {
    if (from == null) {
      return;
    }
    if (from instanceof SqlIdentifier identifier) {
      checkTable(identifier, withNames);
      return;
    }
    if (from instanceof SqlJoin join) {
      checkFrom(join.getLeft(), withNames);
      checkFrom(join.getRight(), withNames);
      return;
    }
    if (!(from instanceof SqlCall call)) {
      return;
    }
    switch (call.getKind()) {
      case AS:
      case LATERAL:
      case TABLESAMPLE:
      case SNAPSHOT:
      case EXTEND:
        checkFrom(call.operand(0), withNames);
        return;
      case COLLECTION_TABLE:
        throw tableFunction(call.operand(0));
      case UNNEST:
        return;
      default:
        if (call.getOperator() instanceof SqlFunction) {
          // A function call in FROM without TABLE(...): ClickHouse's url(...), file(...), s3(...) style.
          throw tableFunction(call);
        }
        // Queries and VALUES are checked where they are visited as statements.
    }
  }

  private void checkTable(SqlIdentifier identifier, List<String> withNames) {
    List<String> names = identifier.names;
    if (names.size() == 1 && withNames.stream().anyMatch(w -> caseSensitive ? w.equals(names.get(0))
        : w.equalsIgnoreCase(names.get(0)))) {
      return;
    }
    boolean inSchema = names.size() == 1 || (names.size() == 2 && allowlist.isSchema(names.get(0), caseSensitive));
    if (!inSchema || allowlist.find(names.get(names.size() - 1), caseSensitive).isEmpty()) {
      throw allowlist.tableNotAllowed(String.join(".", names));
    }
  }

  private static GuardrailViolation tableFunction(SqlNode call) {
    String name = call instanceof SqlCall c ? c.getOperator().getName() : call.toString();
    return GuardrailRule.FUNCTION.violation("table function '" + name + "' is not allowed: a statement reads only"
        + " the tables of the virtual schema (no url, file, s3, remote, jdbc, ... sources)");
  }
}
