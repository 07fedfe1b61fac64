package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  @Test void writesAHeaderAndOneLinePerMeasurement(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.csv");
    CsvWriter.write(file, List.of(
        new Measurement("pushdown", "q1", "lakegate-clickhouse", Measurement.MEASURE, 1, 12.3456, 5, true, ""),
        new Measurement("lake", "q2", "duckdb", Measurement.WARMUP, 2, Double.NaN, -1, false,
            "Parser Error: syntax error at or near \"fetch\", line 1")));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(List.of(
        "section,query,subject,phase,rep,millis,rows,ok,detail",
        "pushdown,q1,lakegate-clickhouse,measure,1,12.346,5,true,",
        "lake,q2,duckdb,warmup,2,NaN,-1,false,\"Parser Error: syntax error at or near \"\"fetch\"\", line 1\""),
        lines);
    // RFC 4180 line ends
    assertEquals('\n', Files.readString(file).charAt(Files.readString(file).indexOf("\r") + 1));
  }

  @Test void quotesOnlyTheFieldsThatNeedIt() {
    assertEquals("plain", CsvWriter.field("plain"));
    assertEquals("\"a,b\"", CsvWriter.field("a,b"));
    assertEquals("\"two\nlines\"", CsvWriter.field("two\nlines"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
  }

  @Test void readsBackWhatItWrote(@TempDir Path dir) throws IOException {
    List<Measurement> written = List.of(
        new Measurement("pushdown", "q1", "lakegate-clickhouse", Measurement.MEASURE, 1, 12.5, 5, true, ""),
        new Measurement("lake", "q2", "duckdb", Measurement.WARMUP, 2, Double.NaN, -1, false,
            "a \"quoted\", two-line\nerror"));
    Path file = dir.resolve("m.csv");
    CsvWriter.write(file, written);
    assertEquals(written.get(0), CsvReader.read(file).get(0));
    Measurement back = CsvReader.read(file).get(1);
    assertEquals("a \"quoted\", two-line\nerror", back.detail());
    assertEquals(Double.NaN, back.millis());
  }

  @Test void aFileThatIsNotAMeasurementsCsvIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, "a,b\r\n1,2\r\n");
    assertThrows(IOException.class, () -> CsvReader.read(file));
  }

  @Test void theChartDataAreRatiosOfMediansOfTheSuccessfulTimedRuns() {
    List<Measurement> m = List.of(
        new Measurement("pushdown", "q", "lakegate-clickhouse", Measurement.MEASURE, 1, 30, 1, true, ""),
        new Measurement("pushdown", "q", "lakegate-clickhouse", Measurement.MEASURE, 2, 10, 1, true, ""),
        new Measurement("pushdown", "q", "lakegate-clickhouse", Measurement.WARMUP, 1, 1000, 1, true, ""),
        new Measurement("pushdown", "q", "clickhouse-jdbc", Measurement.MEASURE, 1, 10, 1, true, ""),
        new Measurement("lake", "q", "lakegate-lake", Measurement.MEASURE, 1, 40, 1, true, ""),
        new Measurement("lake", "q", "duckdb", Measurement.MEASURE, 1, 10, 1, false, "syntax"));
    List<String> queries = new java.util.ArrayList<>();
    java.util.Map<String, List<Double>> series = RatioChart.series(m, queries);
    assertEquals(List.of("q"), queries);
    assertEquals(List.of(2.0), series.get("pushdown: lakegate / clickhouse-jdbc"));
    assertTrue(series.get("lake path: lakegate / DuckDB").get(0).isNaN(), "a failed reference has no ratio");
  }
}
