package io.lakegate.jdbc;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A table whose source breaks off: it yields rows {@code 1..rows} of one BIGINT column {@code n},
 * then fails, as ClickHouse does when it is lost while the gateway streams its answer. Rows are
 * produced lazily, so a large enough result fails on a later fetch, not on execute.
 */
final class BrokenFeedTable extends AbstractTable implements ScannableTable {
  private final long rows;

  BrokenFeedTable(long rows) {
    this.rows = rows;
  }

  /** The message of the failure, as the server reports it. */
  static String failure(long rows) {
    return "the feed broke off after " + rows + " rows; run the query again";
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return typeFactory.builder().add("n", SqlTypeName.BIGINT).build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(() -> new Iterator<Object[]>() {
      private long next = 1;

      @Override public boolean hasNext() {
        if (next > rows) {
          throw new IllegalStateException(failure(rows));
        }
        return true;
      }

      @Override public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return new Object[] {next++};
      }
    });
  }
}
