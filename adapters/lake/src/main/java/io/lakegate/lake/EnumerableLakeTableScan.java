package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableDef;

import java.lang.reflect.Method;
import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The physical lake scan, in the Enumerable convention: its generated code asks a stashed
 * {@link LakeQuery} (a structured object, not code or strings) for rows in the format
 * {@link LakeQuery#format} gives for its row type.
 */
public final class EnumerableLakeTableScan extends TableScan implements EnumerableRel {
  private static final Method ARRAYS = Types.lookupMethod(LakeQuery.class, "enumerable", DataContext.class);
  private static final Method SCALARS = Types.lookupMethod(LakeQuery.class, "scalars", DataContext.class);
  private static final Method EMPTY_ROWS = Types.lookupMethod(LakeQuery.class, "emptyRows", DataContext.class);

  private final LakeTable lakeTable;
  private final ImmutableIntList fields;
  private final ScanFilter filter;

  EnumerableLakeTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, LakeTable lakeTable,
      ImmutableIntList fields, ScanFilter filter) {
    super(cluster, traitSet, List.of(), table);
    this.lakeTable = requireNonNull(lakeTable, "lakeTable");
    this.fields = requireNonNull(fields, "fields");
    this.filter = requireNonNull(filter, "filter");
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return traitSet.equals(getTraitSet()) ? this
        : new EnumerableLakeTableScan(getCluster(), traitSet, getTable(), lakeTable, fields, filter);
  }

  @Override
  public RelDataType deriveRowType() {
    return LakeTableScan.projectRowType(getCluster().getTypeFactory(), table.getRowType(), fields);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return LakeTableScan.explainPushdown(super.explainTerms(pw), lakeTable.def(), fields, filter);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return LakeTableScan.estimateRows(lakeTable, filter);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Volcano compares costs by their row component, so the share of columns decoded goes there too.
    double rows = estimateRowCount(mq);
    TableDef def = lakeTable.def();
    double width = (fields.size() + 2d) / (def.columns().size() + 2d);
    return planner.getCostFactory().makeCost(rows * width, rows * width, rows * width);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // The format must be the one Calcite derives from the row type alone: LIMIT, sort, union and
    // join inputs re-derive it above the scan and pass rows through (a one-column Object[] row
    // read as a bare value was a ClassCastException).
    JavaRowFormat format = LakeQuery.format(getRowType());
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), format, false);
    Expression query = implementor.stash(new LakeQuery(lakeTable, fields, filter), LakeQuery.class);
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(query, rowsMethod(format), implementor.getRootExpression())));
  }

  private static Method rowsMethod(JavaRowFormat format) {
    return switch (format) {
      case ARRAY -> ARRAYS;
      case SCALAR -> SCALARS;
      case LIST -> EMPTY_ROWS;
      default -> throw new IllegalArgumentException("no lake rows in format " + format);
    };
  }
}
