package io.lakegate.guardrails;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** User-defined functions a schema could bring, which the function rule must refuse. */
public final class TestFunctions {
  private TestFunctions() {
  }

  /** A scalar function. */
  public static int twice(int x) {
    return 2 * x;
  }

  /** A table function: the integers 1..n. */
  public static ScannableTable numbers(int n) {
    return new Numbers(n);
  }

  /** The table {@link #numbers} returns. */
  public static final class Numbers extends AbstractTable implements ScannableTable {
    private final int n;

    Numbers(int n) {
      this.n = n;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return typeFactory.builder().add("n", SqlTypeName.INTEGER).build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        rows.add(new Object[] {i});
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
