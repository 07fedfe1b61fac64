package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured markdown table: a header, an alignment row (numbers right-aligned) and rows whose
 * cells are escaped so that a pipe or a line break in a value cannot break the table.
 */
public final class MarkdownTable {
  private final List<String> header;
  private final List<Boolean> numeric;
  private final List<List<String>> rows = new ArrayList<>();

  private MarkdownTable(List<String> header, List<Boolean> numeric) {
    this.header = header;
    this.numeric = numeric;
  }

  /** A table whose columns are named {@code columns}; a name starting with '>' is a right-aligned column. */
  public static MarkdownTable of(String... columns) {
    List<String> names = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (String column : columns) {
      requireNonNull(column, "column");
      boolean isRight = column.startsWith(">");
      names.add(isRight ? column.substring(1) : column);
      right.add(isRight);
    }
    return new MarkdownTable(List.copyOf(names), List.copyOf(right));
  }

  public MarkdownTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("the table has " + header.size() + " columns, the row " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(escape(cell == null ? "" : cell.toString()));
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(line(header.stream().map(MarkdownTable::escape).toList()));
    List<String> align = new ArrayList<>();
    for (boolean right : numeric) {
      align.add(right ? "---:" : "---");
    }
    out.append(line(align));
    rows.forEach(row -> out.append(line(row)));
    return out.toString();
  }

  private static String line(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
