package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.ColumnType;
import io.lakegate.catalog.TableDef;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Translates a filter condition over a lake scan's output into {@link LakePredicate}s: conjuncts
 * over partition columns only (for pruning) and over file columns only (for row-group skipping).
 *
 * <p>Anything it does not understand is left out, which only keeps more data: an unknown conjunct
 * is dropped from an AND, an OR or NOT with an unknown part is dropped whole. Calcite still
 * evaluates the full condition on the rows unless {@link Result#fullyApplied()}.
 */
final class FilterTranslator {
  private final RexBuilder rexBuilder;
  private final TableDef table;
  private final ImmutableIntList fields;

  /**
   * @param fields table ordinal of each scan output field
   */
  FilterTranslator(RexBuilder rexBuilder, TableDef table, ImmutableIntList fields) {
    this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder");
    this.table = requireNonNull(table, "table");
    this.fields = requireNonNull(fields, "fields");
  }

  /**
   * What was pushed.
   *
   * @param filter the pushed predicates
   * @param fullyApplied true when every conjunct is an exactly evaluated partition predicate, so
   *     the scan alone returns exactly the rows of the condition
   */
  record Result(ScanFilter filter, boolean fullyApplied) {
  }

  Result translate(RexNode condition) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    List<LakePredicate> partitions = new ArrayList<>();
    List<LakePredicate> rowGroups = new ArrayList<>();
    boolean fullyApplied = true;
    for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
      Boolean partitionOnly = partitionOnly(conjunct);
      LakePredicate exact = partitionOnly == null ? null : translate(conjunct, true);
      LakePredicate loose = exact != null ? exact : partitionOnly == null ? null : translate(conjunct, false);
      if (loose == null) {
        fullyApplied = false;
      } else if (partitionOnly) {
        partitions.add(loose);
        // VARCHAR partition values are kept under Calcite's filter: CHAR padding rules are its own.
        fullyApplied &= exact != null && !containsVarchar(exact);
      } else {
        rowGroups.add(loose);
        fullyApplied = false;
      }
    }
    return new Result(new ScanFilter(and(partitions), and(rowGroups)), fullyApplied);
  }

  /** TRUE when the conjunct reads only partition columns, FALSE for only file columns, null otherwise. */
  private Boolean partitionOnly(RexNode conjunct) {
    ImmutableBitSet refs = RelOptUtil.InputFinder.bits(conjunct);
    if (refs.isEmpty()) {
      return null;
    }
    int partition = 0;
    for (int field : refs) {
      if (column(field).partition()) {
        partition++;
      }
    }
    return partition == refs.cardinality() ? Boolean.TRUE : partition == 0 ? Boolean.FALSE : null;
  }

  /**
   * The predicate of {@code rex}, or null. With {@code exact} false an AND may lose parts it
   * cannot translate (a weaker predicate keeps more data, which is safe in a positive position).
   */
  private LakePredicate translate(RexNode rex, boolean exact) {
    switch (rex.getKind()) {
      case AND: {
        List<LakePredicate> terms = new ArrayList<>();
        for (RexNode operand : ((RexCall) rex).getOperands()) {
          LakePredicate term = translate(operand, exact);
          if (term == null && exact) {
            return null;
          }
          if (term != null) {
            terms.add(term);
          }
        }
        return and(terms);
      }
      case OR: {
        List<LakePredicate> terms = new ArrayList<>();
        for (RexNode operand : ((RexCall) rex).getOperands()) {
          LakePredicate term = translate(operand, exact);
          if (term == null) {
            return null;
          }
          terms.add(term);
        }
        return terms.size() == 1 ? terms.get(0) : new LakePredicate.Or(terms);
      }
      case NOT: {
        LakePredicate term = translate(((RexCall) rex).getOperands().get(0), true);
        return term == null ? null : new LakePredicate.Not(term);
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        LakePredicate.Column column = columnOf(((RexCall) rex).getOperands().get(0));
        return column == null ? null : new LakePredicate.IsNull(column, rex.getKind() == SqlKind.IS_NOT_NULL);
      }
      case INPUT_REF: {
        LakePredicate.Column column = columnOf(rex);
        return column != null && column.type().sqlType() == SqlTypeName.BOOLEAN
            ? new LakePredicate.Compare(column, LakePredicate.Op.EQ, Boolean.TRUE) : null;
      }
      case EQUALS:
        return compare((RexCall) rex, LakePredicate.Op.EQ);
      case NOT_EQUALS:
        return compare((RexCall) rex, LakePredicate.Op.NE);
      case LESS_THAN:
        return compare((RexCall) rex, LakePredicate.Op.LT);
      case LESS_THAN_OR_EQUAL:
        return compare((RexCall) rex, LakePredicate.Op.LE);
      case GREATER_THAN:
        return compare((RexCall) rex, LakePredicate.Op.GT);
      case GREATER_THAN_OR_EQUAL:
        return compare((RexCall) rex, LakePredicate.Op.GE);
      default:
        return null;
    }
  }

  private LakePredicate compare(RexCall call, LakePredicate.Op op) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    LakePredicate.Column column = columnOf(left);
    RexNode literal = right;
    if (column == null) {
      column = columnOf(right);
      literal = left;
      op = op.mirror();
    }
    if (column == null) {
      return null;
    }
    Comparable<?> value = LiteralValues.of(literal, column.type());
    if (value == null) {
      return paddedCharEquality(column, op, literal);
    }
    return new LakePredicate.Compare(column, op, value);
  }

  /**
   * Calcite pads the literals of a ragged IN list to one CHAR length ({@code 'api   '}); whether
   * the padding counts, both spellings are kept so that no row group that may match is skipped.
   */
  private static LakePredicate paddedCharEquality(LakePredicate.Column column, LakePredicate.Op op, RexNode literal) {
    String padded = LiteralValues.paddedChar(literal);
    if (padded == null || op != LakePredicate.Op.EQ || column.type().sqlType() != SqlTypeName.VARCHAR) {
      return null;
    }
    return new LakePredicate.Or(List.of(
        new LakePredicate.Compare(column, op, padded.stripTrailing()),
        new LakePredicate.Compare(column, op, padded)));
  }

  /** The table column {@code rex} reads, directly or through a cast that keeps every value distinct and ordered. */
  private LakePredicate.Column columnOf(RexNode rex) {
    if (rex instanceof RexInputRef ref) {
      ColumnDef def = column(ref.getIndex());
      return new LakePredicate.Column(fields.get(ref.getIndex()), def.name(), def.type());
    }
    if (rex.getKind() == SqlKind.CAST && ((RexCall) rex).getOperands().get(0) instanceof RexInputRef ref) {
      ColumnDef def = column(ref.getIndex());
      return losslessCast(def.type(), rex.getType())
          ? new LakePredicate.Column(fields.get(ref.getIndex()), def.name(), def.type()) : null;
    }
    return null;
  }

  private static boolean losslessCast(ColumnType from, RelDataType to) {
    SqlTypeName target = to.getSqlTypeName();
    switch (from.sqlType()) {
      case INTEGER:
        return target == SqlTypeName.INTEGER || target == SqlTypeName.BIGINT || target == SqlTypeName.DOUBLE
            || target == SqlTypeName.DECIMAL && to.getPrecision() - to.getScale() >= 10;
      case BIGINT:
        return target == SqlTypeName.BIGINT
            || target == SqlTypeName.DECIMAL && to.getPrecision() - to.getScale() >= 19;
      case DECIMAL:
        return target == SqlTypeName.DECIMAL && to.getScale() >= from.scale()
            && to.getPrecision() - to.getScale() >= from.precision() - from.scale();
      default:
        // Only a change of nullability: same type name (and for VARCHAR any length is a widening of ours).
        return target == from.sqlType() && (target != SqlTypeName.TIMESTAMP || to.getPrecision() >= 3);
    }
  }

  private ColumnDef column(int field) {
    return table.columns().get(fields.get(field));
  }

  private static boolean containsVarchar(LakePredicate predicate) {
    if (predicate instanceof LakePredicate.And and) {
      return and.terms().stream().anyMatch(FilterTranslator::containsVarchar);
    }
    if (predicate instanceof LakePredicate.Or or) {
      return or.terms().stream().anyMatch(FilterTranslator::containsVarchar);
    }
    if (predicate instanceof LakePredicate.Not not) {
      return containsVarchar(not.term());
    }
    if (predicate instanceof LakePredicate.Compare compare) {
      return compare.column().type().sqlType() == SqlTypeName.VARCHAR;
    }
    return false;
  }

  private static LakePredicate and(List<LakePredicate> terms) {
    if (terms.isEmpty()) {
      return null;
    }
    return terms.size() == 1 ? terms.get(0) : new LakePredicate.And(terms);
  }
}
