package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * The parquet converter of one file column in one row group: puts each value, already in
 * Calcite's runtime representation, into the column's slot of the row being filled.
 *
 * <p>Values of dictionary-encoded pages arrive as dictionary ids (parquet decides per page, so a
 * column chunk whose dictionary overflowed mixes both kinds); each entry is converted on first use
 * and the immutable result shared by every row that repeats it, so a string is decoded once per
 * distinct value instead of once per row.
 */
abstract class SlotConverter extends PrimitiveConverter {
  /** The row being filled; the reader points it at each new row before the converters write. */
  static final class Row {
    Object[] values;
  }

  private final Row row;
  private final int slot;
  private Dictionary dictionary;
  private Object[] converted;

  SlotConverter(Row row, int slot) {
    this.row = requireNonNull(row, "row");
    this.slot = slot;
  }

  /** The runtime value of dictionary entry {@code id}, converted exactly as the plain value would be. */
  abstract Object convert(Dictionary dictionary, int id);

  final void put(Object value) {
    row.values[slot] = value;
  }

  @Override
  public final boolean hasDictionarySupport() {
    return true;
  }

  @Override
  public final void setDictionary(Dictionary dictionary) {
    this.dictionary = dictionary;
    // Filled lazily: a large dictionary may be read for only a few rows.
    this.converted = new Object[dictionary.getMaxId() + 1];
  }

  @Override
  public final void addValueFromDictionary(int id) {
    Object value = converted[id];
    if (value == null) {
      value = convert(dictionary, id);
      converted[id] = value;
    }
    put(value);
  }
}
