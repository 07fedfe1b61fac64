package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads back what {@link CsvWriter} wrote (RFC 4180: quoted fields, doubled quotes, CRLF), e.g. to redraw a chart. */
public final class CsvReader {
  private CsvReader() {
  }

  public static List<Measurement> read(Path file) throws IOException {
    requireNonNull(file, "file");
    List<List<String>> records = records(Files.readString(file, StandardCharsets.UTF_8));
    if (records.isEmpty() || !records.get(0).equals(CsvWriter.HEADER)) {
      throw new IOException(file + " is not a measurements CSV (its header is not " + CsvWriter.HEADER + ")");
    }
    List<Measurement> measurements = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() != CsvWriter.HEADER.size()) {
        throw new IOException(file + ": record " + i + " has " + r.size() + " fields, not " + CsvWriter.HEADER.size());
      }
      try {
        measurements.add(new Measurement(r.get(0), r.get(1), r.get(2), r.get(3), Integer.parseInt(r.get(4)),
            Double.parseDouble(r.get(5)), Long.parseLong(r.get(6)), Boolean.parseBoolean(r.get(7)), r.get(8)));
      } catch (NumberFormatException e) {
        throw new IOException(file + ": record " + i + " has a malformed number: " + r, e);
      }
    }
    return measurements;
  }

  /** The records of CSV text; a trailing line break ends the last record. */
  static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
