package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.FlatLists;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The run-time side of a planned lake scan: which table, which columns and which pushed filter.
 * The generated code of a query holds one (stashed by {@link EnumerableLakeTableScan}) and asks
 * it for rows on each execution; it is immutable, so concurrent executions share it safely.
 *
 * <p>Rows come in the Java format Calcite's operators assume for the row type
 * ({@link #format(RelDataType)}): operators that pass rows through, such as LIMIT, sort, union or
 * a join input, re-derive their format from the row type alone, so a one-column scan must yield
 * bare values and a zero-column scan empty comparable lists, never {@code Object[]}.
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

  /**
   * The row format of a scan with {@code rowType}: what {@code PhysTypeImpl.of} derives from
   * {@link JavaRowFormat#ARRAY} ({@code SCALAR} for one field, {@code LIST} for none, else
   * {@code ARRAY}), so that the scan and every operator above it agree.
   */
  static JavaRowFormat format(RelDataType rowType) {
    return JavaRowFormat.ARRAY.optimize(rowType);
  }

  /**
   * Rows as {@code Object[]} in field order: the {@link JavaRowFormat#ARRAY} format of scans of two
   * or more fields; called by generated code.
   */
  public Enumerable<Object[]> enumerable(DataContext root) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new LakeEnumerator(table, new RowLayout(table.def(), fields), filter,
            root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root));
      }
    };
  }

  /** Rows of exactly one field as the bare value ({@link JavaRowFormat#SCALAR}); called by generated code. */
  public Enumerable<Object> scalars(DataContext root) {
    checkWidth(1);
    return enumerable(root).select(row -> row[0]);
  }

  /** Rows of no field as empty comparable lists ({@link JavaRowFormat#LIST}); called by generated code. */
  public Enumerable<List<Object>> emptyRows(DataContext root) {
    checkWidth(0);
    return enumerable(root).select(row -> FlatLists.of());
  }

  private void checkWidth(int width) {
    if (fields.size() != width) {
      throw new IllegalStateException("a scan of " + fields.size() + " fields cannot produce rows of " + width);
    }
  }

  @Override
  public String toString() {
    return "LakeQuery(" + table.def().name() + ", fields=" + fields + ", " + filter + ")";
  }
}
