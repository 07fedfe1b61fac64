package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.TableDef;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.util.ImmutableIntList;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Where each value of a scan's output row comes from: requested file columns (read by parquet)
 * and partition columns (copied from the partition directory, never read from files).
 */
final class RowLayout {
  /** A file column to read and the output slot it fills. */
  record FileColumn(ColumnDef column, int slot) {
  }

  private final TableDef table;
  private final ImmutableIntList fields;
  private final List<FileColumn> fileColumns;

  /**
   * @param fields distinct table ordinals, in output order
   */
  RowLayout(TableDef table, ImmutableIntList fields) {
    this.table = requireNonNull(table, "table");
    this.fields = requireNonNull(fields, "fields");
    List<FileColumn> files = new ArrayList<>();
    for (int slot = 0; slot < fields.size(); slot++) {
      ColumnDef column = table.columns().get(fields.get(slot));
      if (!column.partition()) {
        files.add(new FileColumn(column, slot));
      }
    }
    this.fileColumns = List.copyOf(files);
  }

  int width() {
    return fields.size();
  }

  List<FileColumn> fileColumns() {
    return fileColumns;
  }

  List<String> fileColumnNames() {
    return fileColumns.stream().map(f -> f.column().name()).toList();
  }

  /**
   * The file schema narrowed to the requested file columns, in {@link #fileColumns()} order, so
   * that no other column chunk is fetched or decoded. The file's own types are kept: files of one
   * table may store a column differently (a DECIMAL as INT64 in one, as bytes in another).
   */
  MessageType requestedSchema(MessageType fileSchema) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (FileColumn column : fileColumns) {
      builder.addField(fileSchema.getType(column.column().name()));
    }
    return builder.named(fileSchema.getName());
  }

  /** A row with the partition values of {@code partition} in place and every file slot null. */
  Object[] template(LakePartition partition) {
    Object[] row = new Object[fields.size()];
    for (int slot = 0; slot < fields.size(); slot++) {
      if (table.columns().get(fields.get(slot)).partition()) {
        row[slot] = partition.value(fields.get(slot));
      }
    }
    return row;
  }
}
