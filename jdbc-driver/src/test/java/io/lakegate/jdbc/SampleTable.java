package io.lakegate.jdbc;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A small in-memory table with declared column types, served by the test Avatica server. */
final class SampleTable extends AbstractTable implements ScannableTable {
  /** One column; precision and scale are -1 when the type takes none. */
  record Column(String name, SqlTypeName type, int precision, int scale, boolean nullable) {
    Column {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }

    static Column of(String name, SqlTypeName type) {
      return new Column(name, type, -1, -1, false);
    }

    static Column nullable(String name, SqlTypeName type) {
      return new Column(name, type, -1, -1, true);
    }

    RelDataType toType(RelDataTypeFactory factory) {
      RelDataType base;
      if (scale >= 0) {
        base = factory.createSqlType(type, precision, scale);
      } else if (precision >= 0) {
        base = factory.createSqlType(type, precision);
      } else {
        base = factory.createSqlType(type);
      }
      return factory.createTypeWithNullability(base, nullable);
    }
  }

  private final List<Column> columns;
  private final List<Object[]> rows;

  /**
   * Creates a table. Values use Calcite's internal representation: DATE as Integer days since
   * 1970-01-01, TIMESTAMP as Long milliseconds since the epoch (UTC), DECIMAL as BigDecimal.
   */
  SampleTable(List<Column> columns, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns) {
      builder.add(column.name(), column.toType(typeFactory));
    }
    return builder.build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows);
  }
}
