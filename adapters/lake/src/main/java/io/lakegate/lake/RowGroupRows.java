package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;

/**
 * The rows of one row group, read column by column through parquet's low-level column API: one
 * {@link ColumnReader} per requested file column, and each row takes the next value of every
 * column. Lake tables are flat (checked at open), so every column has exactly one value per row,
 * NULL when its definition level is below the maximum; parquet's record assembly, built for
 * nested data, is not needed.
 */
final class RowGroupRows {
  private final SlotConverter.Row row = new SlotConverter.Row();
  private final ColumnReader[] readers;
  private final int[] maxDefinitionLevels;
  private final Object[] template;

  /**
   * @param pages the row group, holding the column chunks of {@code requested}
   * @param requested the file schema narrowed by {@link RowLayout#requestedSchema}, field i being file column i of {@code layout}
   * @param createdBy the file's writer, which tells parquet about known bugs of old writers
   * @param template the partition values of every row, file slots null; never written to
   */
  RowGroupRows(PageReadStore pages, MessageType requested, String createdBy, RowLayout layout, Object[] template) {
    requireNonNull(pages, "pages");
    this.template = requireNonNull(template, "template");
    List<RowLayout.FileColumn> columns = layout.fileColumns();
    // New converters per row group: a dictionary and its converted entries belong to one column chunk.
    SlotConverter[] converters = new SlotConverter[columns.size()];
    for (int i = 0; i < converters.length; i++) {
      RowLayout.FileColumn column = columns.get(i);
      converters[i] = ValueConverters.create(column.column().type(), requested.getType(i).asPrimitiveType(),
          row, column.slot());
    }
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new FieldConverters(converters), requested, createdBy);
    List<ColumnDescriptor> descriptors = requested.getColumns();
    this.readers = new ColumnReader[descriptors.size()];
    this.maxDefinitionLevels = new int[descriptors.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = store.getColumnReader(descriptors.get(i));
      maxDefinitionLevels[i] = descriptors.get(i).getMaxDefinitionLevel();
    }
  }

  /** The next row, a new array (rows escape into sorts and joins, so they are never reused); the caller counts rows. */
  Object[] next() {
    Object[] values = template.clone();
    row.values = values;
    for (int i = 0; i < readers.length; i++) {
      ColumnReader reader = readers[i];
      if (reader.getCurrentDefinitionLevel() == maxDefinitionLevels[i]) {
        reader.writeCurrentValueToConverter();
      }
      reader.consume();
    }
    return values;
  }

  /** Hands parquet the converter of each requested field; it only looks them up, as there are no records. */
  private static final class FieldConverters extends GroupConverter {
    private final SlotConverter[] converters;

    FieldConverters(SlotConverter[] converters) {
      this.converters = converters;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }

    @Override
    public void start() {
      throw new UnsupportedOperationException("column-at-a-time reading assembles no records");
    }

    @Override
    public void end() {
      throw new UnsupportedOperationException("column-at-a-time reading assembles no records");
    }
  }
}
