package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The run-time side of a planned lake scan: which table, which columns and which pushed filter.
 * The generated code of a query holds one (stashed by {@link EnumerableLakeTableScan}) and asks
 * it for rows on each execution; it is immutable, so concurrent executions share it safely.
 */
public final class LakeQuery {
  private final LakeTable table;
  private final ImmutableIntList fields;
  private final ScanFilter filter;

  LakeQuery(LakeTable table, ImmutableIntList fields, ScanFilter filter) {
    this.table = requireNonNull(table, "table");
    this.fields = requireNonNull(fields, "fields");
    this.filter = requireNonNull(filter, "filter");
  }

  /** Rows as {@code Object[]} in field order; called by generated code. */
  public Enumerable<Object[]> enumerable(DataContext root) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new LakeEnumerator(table, new RowLayout(table.def(), fields), filter,
            root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root));
      }
    };
  }

  @Override
  public String toString() {
    return "LakeQuery(" + table.def().name() + ", fields=" + fields + ", " + filter + ")";
  }
}
