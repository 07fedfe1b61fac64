package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final Path REPO = Path.of("/repo");

  @Test void defaultsAreTheFullRunAtTenMillionRows() {
    BenchOptions options = BenchOptions.parse(List.of("--repo", "/repo"), "bin/bench");
    assertEquals(10_000_000, options.scale());
    assertEquals(REPO.resolve("benchmarks/results"), options.out());
    assertEquals(2, options.warmups());
    assertEquals(10, options.reps());
    assertEquals(List.of(1, 8, 32, 64), options.clients());
    assertEquals(20, options.durationSeconds());
    assertEquals(3, options.failoverReps());
    assertEquals(EnumSet.allOf(BenchOptions.Section.class), options.sections());
    assertEquals("1g", options.gatewayHeap());
    assertTrue(options.gatewayWarmup());
    assertFalse(options.jfr());
    assertEquals(REPO.resolve("benchmarks/results/scale-10000000"), options.resultDirectory());
  }

  @Test void quickShortensEverythingButTheExplicitOptionsWin() {
    BenchOptions options = BenchOptions.parse(List.of("--repo", "/repo", "--quick", "--reps", "4", "--scale", "20k",
        "--out", "/tmp/b", "--sections", "lake,pushdown", "--queries", "a,b", "--clients", "2", "--jfr"), "x");
    assertEquals(20_000, options.scale());
    assertEquals(1, options.warmups());
    assertEquals(4, options.reps());
    assertEquals(5, options.durationSeconds());
    assertEquals(1, options.failoverReps());
    assertEquals(Path.of("/tmp/b"), options.out());
    assertEquals(EnumSet.of(BenchOptions.Section.LAKE, BenchOptions.Section.PUSHDOWN), options.sections());
    assertEquals(Set.of("a", "b"), options.queries());
    assertEquals(List.of(2), options.clients());
    assertTrue(options.jfr());
  }

  @Test void rowCountsAcceptSuffixes() {
    assertEquals(10_000_000, BenchOptions.rows("10M"));
    assertEquals(20_000, BenchOptions.rows("20k"));
    assertEquals(1_000_000, BenchOptions.rows("1_000_000"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.rows("lots"));
  }

  @Test void wrongOptionsNameTheProblem() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--repo", "/repo", "--fast"), "x"));
    assertTrue(unknown.getMessage().startsWith("unknown option '--fast'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--repo", "/repo", "--sections", "speed"), "x"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--repo", "/repo", "--reps"), "x"));
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--repo", "/repo", "--clients", "0"), "x"));
  }
}
