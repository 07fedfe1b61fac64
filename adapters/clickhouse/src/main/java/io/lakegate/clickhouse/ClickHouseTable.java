package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableDef;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One declared table in ClickHouse: model.json's row type, scanned by a {@code JdbcTableScan} in
 * the schema's convention. It composes Calcite's {@link JdbcTable} (found by the JDBC adapter) only
 * for what that knows best, the table's name in generated SQL; {@link #unwrap} hands it to Calcite's
 * SQL generator.
 */
final class ClickHouseTable extends AbstractTable implements TranslatableTable {
  private final TableDef def;
  private final JdbcTable remote;
  private final JdbcConvention convention;

  ClickHouseTable(TableDef def, JdbcTable remote, JdbcConvention convention) {
    this.def = requireNonNull(def, "def");
    this.remote = requireNonNull(remote, "remote");
    this.convention = requireNonNull(convention, "convention");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return def.rowType(typeFactory);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new ClickHouseTableScan(cluster, context.getTableHints(), relOptTable, remote, convention);
  }

  @Override
  public <C extends Object> @Nullable C unwrap(Class<C> type) {
    if (type.isInstance(remote)) {
      return type.cast(remote);
    }
    return super.unwrap(type);
  }

  @Override
  public String toString() {
    return "ClickHouseTable {" + def.name() + "}";
  }
}
