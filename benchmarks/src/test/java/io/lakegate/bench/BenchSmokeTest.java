package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The whole harness end to end at a tiny scale (20k rows, one query per section, 1 warm-up, 2 repetitions):
 * real engine, real gateway JVMs, real DuckDB. It checks that the files come out with plausible content
 * and that every engine returned the same rows; it asserts no timing.
 */
class BenchSmokeTest {
  private static final Path OUT = Path.of("target", "bench-smoke").toAbsolutePath();
  private static final String QUERY = "day_network_summary";

  @Test void theHarnessWritesTheReportTheCsvAndTheChart() throws IOException {
    BenchOptions options = BenchOptions.parse(List.of("--scale", "20k", "--out", OUT.toString(), "--warmups", "1",
        "--reps", "2", "--queries", QUERY, "--clients", "2", "--duration", "1", "--failover-reps", "1",
        "--no-gateway-warmup"), "bin/bench --scale 20k (smoke test)");

    BenchRun.Output output = BenchRun.run(options);

    RunResults run = output.results();
    assertEquals(List.of(), run.failures(), "every section finished");
    PushdownSection.Row pushdown = run.pushdown().rows().get(0);
    assertEquals(QUERY, pushdown.query().name());
    assertEquals("clickhouse", pushdown.pushed().backend());
    assertEquals(1, pushdown.pushed().statements().size(), "pushed down whole: " + pushdown.pushed().statements());
    assertEquals(5, pushdown.gateway().rows(), "one row per network");
    assertEquals(5, pushdown.direct().rows());
    assertEquals(2, pushdown.gateway().stats().count());
    assertTrue(pushdown.ratio() > 0);

    LakeSection.Row lake = run.lakePath().rows().get(0);
    assertTrue(lake.rowCountsAgree(), "lakegate, DuckDB and ClickHouse agree on the row count");
    assertEquals(Boolean.TRUE, lake.sameRowsAsClickHousePath(), "both gateway paths return the same rows");
    assertEquals(5, lake.duckDb().rows());
    assertEquals(1, lake.io().files(), "one day's file and no other");
    assertTrue(lake.io().bytesRead() > 0, "bytes read by the gateway: " + lake.io());

    PlanningSection.Row planning = run.planning().rows().get(0);
    assertNotNull(planning.remote());
    assertEquals(2, planning.total().count());
    assertTrue(planning.phases().get("optimize").median() > 0);

    assertEquals(2, run.concurrency().size(), "the one level on each gateway");
    assertEquals(Set.of("clickhouse", "lake"),
        run.concurrency().stream().map(ConcurrencySection.Level::backend).collect(Collectors.toSet()));
    run.concurrency().forEach(level -> assertTrue(level.ok() > 0, "queries answered: " + level));

    assertEquals(2, run.failover().events().size(), "one kill, one hang");
    run.failover().events().forEach(event -> {
      assertFalse(Double.isNaN(event.toLakeMs()), "the lake answered: " + event);
      assertFalse(Double.isNaN(event.backMs()), "ClickHouse took traffic back: " + event);
      assertEquals(0, event.wrong(), "no wrong answer: " + event);
    });

    String report = Files.readString(output.report(), StandardCharsets.UTF_8);
    for (String heading : List.of("# lakegate benchmarks: 20,0", "## Targets", "## 1. Pushdown overhead",
        "## 1b. Planning time", "## 2. Lake path", "## 3. Concurrency", "## 4. Failover", "![lakegate median")) {
      assertTrue(report.contains(heading), "the report has " + heading + ":\n" + report);
    }
    assertTrue(report.contains("- **Command**: `bin/bench --scale 20k (smoke test)`"), report);
    assertTrue(report.contains("| " + QUERY + " |"), report);
    assertFalse(report.contains("row counts differ") || report.contains("rows differ"), report);

    List<String> csv = Files.readAllLines(output.csv(), StandardCharsets.UTF_8);
    assertEquals(String.join(",", CsvWriter.HEADER), csv.get(0));
    Set<String> subjects = csv.stream().skip(1).map(line -> line.split(",")[0] + "/" + line.split(",")[2])
        .collect(Collectors.toSet());
    for (String expected : List.of("pushdown/lakegate-clickhouse", "pushdown/clickhouse-jdbc", "lake/lakegate-lake",
        "lake/duckdb", "lake/clickhouse-file", "planning/lakegate-prepare", "planning/inprocess-clickhouse",
        "planning/inprocess-lake", "failover/lakegate-json")) {
      assertTrue(subjects.contains(expected), expected + " in " + subjects);
    }
    assertTrue(csv.stream().anyMatch(line -> line.startsWith("concurrency,")), "concurrency measurements");
    assertTrue(csv.stream().skip(1).filter(line -> line.startsWith("pushdown,") || line.startsWith("lake,"))
        .allMatch(line -> line.contains(",true,")), "every pushdown and lake run succeeded");

    byte[] png = Files.readAllBytes(output.chart().orElseThrow());
    assertTrue(png.length > 1000, "a real image: " + png.length + " bytes");
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
  }
}
