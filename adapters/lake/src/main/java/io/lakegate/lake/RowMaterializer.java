package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Materialises each parquet record as Calcite's {@code Object[]} row: a fresh copy of the
 * partition template per record (rows escape into sorts and joins, so they are never reused),
 * filled in by {@link ValueConverters}. A field absent from a record (NULL) stays null.
 */
final class RowMaterializer extends RecordMaterializer<Object[]> {
  private final ValueConverters.RowBuffer buffer = new ValueConverters.RowBuffer();
  private final Object[] template;
  private final Converter[] converters;
  private final GroupConverter root;

  RowMaterializer(MessageType requested, RowLayout layout, Object[] template) {
    requireNonNull(requested, "requested");
    this.template = template.clone();
    Map<String, RowLayout.FileColumn> byName = new HashMap<>();
    layout.fileColumns().forEach(f -> byName.put(f.column().name(), f));
    this.converters = new Converter[requested.getFieldCount()];
    for (int i = 0; i < converters.length; i++) {
      Type field = requested.getType(i);
      RowLayout.FileColumn column = requireNonNull(byName.get(field.getName()), field.getName());
      converters[i] = ValueConverters.create(column.column().type(), field.asPrimitiveType(), buffer, column.slot());
    }
    this.root = new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return converters[fieldIndex];
      }

      @Override
      public void start() {
        buffer.row = RowMaterializer.this.template.clone();
      }

      @Override
      public void end() {
        // The row is complete; getCurrentRecord hands it over.
      }
    };
  }

  @Override
  public Object[] getCurrentRecord() {
    return buffer.row;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }
}
