package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableDef;

import java.util.List;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Logical scan of a lake table (convention NONE, like Calcite's own {@code LogicalTableScan}),
 * carrying what the lake rules have pushed into it: the projected columns and the
 * {@link ScanFilter}. Staying logical lets the rules see it under logical projects and filters;
 * {@link LakeRules#TO_ENUMERABLE} turns the chosen variant into an {@link EnumerableLakeTableScan}.
 */
public final class LakeTableScan extends TableScan {
  /** Guess of the share of row groups that survive statistics, for costing only. */
  private static final double ROW_GROUP_FILTER_SELECTIVITY = 0.5;

  private final LakeTable lakeTable;
  private final ImmutableIntList fields;
  private final ScanFilter filter;

  LakeTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, LakeTable lakeTable,
      ImmutableIntList fields, ScanFilter filter) {
    super(cluster, traitSet, List.of(), table);
    this.lakeTable = requireNonNull(lakeTable, "lakeTable");
    this.fields = requireNonNull(fields, "fields");
    this.filter = requireNonNull(filter, "filter");
    if (fields.stream().distinct().count() != fields.size()) {
      throw new IllegalArgumentException("fields must be distinct: " + fields);
    }
  }

  LakeTable lakeTable() {
    return lakeTable;
  }

  /** Table ordinal of each output field. */
  ImmutableIntList fields() {
    return fields;
  }

  ScanFilter filter() {
    return filter;
  }

  LakeTableScan withFields(ImmutableIntList newFields) {
    return new LakeTableScan(getCluster(), getTraitSet(), getTable(), lakeTable, newFields, filter);
  }

  LakeTableScan withFilter(ScanFilter newFilter) {
    return new LakeTableScan(getCluster(), getTraitSet(), getTable(), lakeTable, fields, newFilter);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return traitSet.equals(getTraitSet()) ? this
        : new LakeTableScan(getCluster(), traitSet, getTable(), lakeTable, fields, filter);
  }

  @Override
  public RelDataType deriveRowType() {
    return projectRowType(getCluster().getTypeFactory(), table.getRowType(), fields);
  }

  static RelDataType projectRowType(RelDataTypeFactory typeFactory, RelDataType tableRowType, ImmutableIntList fields) {
    List<RelDataTypeField> all = tableRowType.getFieldList();
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (int field : fields) {
      builder.add(all.get(field));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return explainPushdown(super.explainTerms(pw), lakeTable.def(), fields, filter);
  }

  /** Shows the pushed projection and filters (also part of the digest, so variants stay distinct). */
  static RelWriter explainPushdown(RelWriter pw, TableDef def, ImmutableIntList fields, ScanFilter filter) {
    return pw.item("fields", fields.stream().map(i -> def.columns().get(i).name()).toList())
        .itemIf("partitionFilter", filter.partitions(), filter.partitions() != null)
        .itemIf("rowGroupFilter", filter.rowGroups(), filter.rowGroups() != null);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return estimateRows(lakeTable, filter);
  }

  /** Rows of the partitions kept, halved when statistics may skip row groups. */
  static double estimateRows(LakeTable lakeTable, ScanFilter filter) {
    double rows = lakeTable.rows(filter.partitions());
    if (filter.rowGroups() != null) {
      rows *= ROW_GROUP_FILTER_SELECTIVITY;
    }
    return Math.max(rows, 1d);
  }

  @Override
  public void register(RelOptPlanner planner) {
    LakeRules.register(planner);
  }

  /** What the reader must do at run time for this scan. */
  LakeQuery toQuery() {
    return new LakeQuery(lakeTable, fields, filter);
  }
}
