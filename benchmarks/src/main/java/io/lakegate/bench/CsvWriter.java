package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes measurements as RFC 4180 CSV (header line, comma-separated, fields quoted when they need it). */
public final class CsvWriter {
  static final List<String> HEADER = List.of("section", "query", "subject", "phase", "rep", "millis", "rows", "ok",
      "detail");

  private CsvWriter() {
  }

  public static void write(Path file, List<Measurement> measurements) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(measurements, "measurements");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(line(HEADER));
      for (Measurement m : measurements) {
        out.write(line(List.of(m.section(), m.query(), m.subject(), m.phase(), Integer.toString(m.rep()),
            String.format(Locale.ROOT, "%.3f", m.millis()), Long.toString(m.rows()), Boolean.toString(m.ok()),
            m.detail())));
      }
    }
  }

  static String line(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    return line.append("\r\n").toString();
  }

  /** A field quoted (with inner quotes doubled) when it holds a comma, a quote or a line break. */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
