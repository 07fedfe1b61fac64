package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.TableDef;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One declared table of the virtual schema: model.json's row type (the one both backends declare),
 * planned as the ClickHouse or the lake table according to the statement's {@link BackendChoice}; a
 * statement prepared without a binding reads the lake, which is always there.
 *
 * <p>{@link #unwrap} also follows the binding, because Calcite's SQL generator asks the table for its
 * {@code JdbcTable} (the name ClickHouse knows it by) while it implements the plan.
 */
final class FailoverTable extends AbstractTable implements TranslatableTable {
  private final FailoverSchema owner;
  private final TableDef def;
  private final Table lake;

  FailoverTable(FailoverSchema owner, TableDef def, Table lake) {
    this.owner = requireNonNull(owner, "owner");
    this.def = requireNonNull(def, "def");
    this.lake = requireNonNull(lake, "lake");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return def.rowType(typeFactory);
  }

  /** The bound backend's statistics, so that each backend's rules plan as they would on their own. */
  @Override
  public Statistic getStatistic() {
    return chosen().getStatistic();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return ((TranslatableTable) chosen()).toRel(context, relOptTable);
  }

  @Override
  public <C extends Object> @Nullable C unwrap(Class<C> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    Table chosen = chosen();
    return chosen instanceof Wrapper wrapper ? wrapper.unwrap(type) : null;
  }

  private Table chosen() {
    return BackendChoice.current(owner).map(choice -> choice.table(def.name())).orElse(lake);
  }

  @Override
  public String toString() {
    return "FailoverTable {" + def.name() + "}";
  }
}
