package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * One declared table of the virtual schema: its columns in order, which of them are partition
 * keys, and where its files live relative to the lake root.
 */
public record TableDef(String name, String location, List<ColumnDef> columns, String description) {
  public TableDef {
    requireNonNull(name, "name");
    requireNonNull(location, "location");
    columns = List.copyOf(columns);
    description = description == null ? "" : description;
  }

  /** The row type every backend must expose for this table. */
  public RelDataType rowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDef column : columns) {
      builder.add(column.name(), column.toRelDataType(typeFactory));
    }
    return builder.build();
  }

  /** Columns whose values come from the directory names, in directory nesting order. */
  public List<ColumnDef> partitionColumns() {
    return columns.stream().filter(ColumnDef::partition).toList();
  }

  /** Columns stored inside the parquet files. */
  public List<ColumnDef> fileColumns() {
    return columns.stream().filter(c -> !c.partition()).toList();
  }

  public Optional<ColumnDef> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public int ordinal(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }
}
