package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * One declared column of a virtual table.
 *
 * @param name column name as callers write it (case kept)
 * @param type declared type
 * @param nullable whether the column may hold NULL
 * @param partition true when the value comes from a Hive-style directory name
 *     ({@code name=value}) instead of the parquet file
 * @param description one line for the README and for tools
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, boolean partition, String description) {
  public ColumnDef {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    description = description == null ? "" : description;
  }

  public RelDataType toRelDataType(RelDataTypeFactory typeFactory) {
    return type.toRelDataType(typeFactory, nullable);
  }
}
