package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, one-line errors, and a real (small) run. */
class GenerateCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private int run(String... args) {
    return GenerateCommand.run(new PrintStream(console, true, StandardCharsets.UTF_8), args);
  }

  private String output() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void missingOutIsAUsageError() {
    assertEquals(GenerateCommand.USAGE, run("--rows", "20000"));
    assertEquals("generate: --out DIR is required (--help shows usage)", output().strip());
  }

  @Test
  void badArgumentsGiveOneClearLine() {
    assertEquals(GenerateCommand.USAGE, run("--out", dir.toString(), "--rows", "lots"));
    assertTrue(output().contains("--rows must be a whole number such as 1000000 or 10M, got 'lots'"), output());
    assertEquals(1, output().strip().lines().count());

    console.reset();
    assertEquals(GenerateCommand.USAGE, run("--out", dir.toString(), "--colour", "red"));
    assertTrue(output().startsWith("generate: unknown argument '--colour'"), output());

    console.reset();
    assertEquals(GenerateCommand.USAGE, run("--out", dir.toString(), "--rows", "5"));
    assertTrue(output().contains("--rows must be between 10000 and"), output());

    console.reset();
    assertEquals(GenerateCommand.USAGE, run("--out", dir.toString(), "--compression", "brotli"));
    assertTrue(output().contains("--compression must be one of"), output());

    console.reset();
    assertEquals(GenerateCommand.USAGE, run("--out"));
    assertTrue(output().contains("--out needs a value"), output());
  }

  @Test
  void helpPrintsUsage() {
    assertEquals(GenerateCommand.OK, run("--help"));
    assertTrue(output().startsWith("usage: generate --out DIR"), output());
  }

  @Test
  void parsesEveryOption() {
    GenerateOptions options = GenerateOptions.parse("--out=/tmp/x", "--rows", "10M", "--seed", "-3", "--threads",
        "1", "--force", "--compression", "zstd", "--rows-per-file", "1_000", "--row-group-rows", "2k");
    assertEquals(Path.of("/tmp/x"), options.out());
    assertEquals(10_000_000, options.rows());
    assertEquals(-3, options.seed());
    assertEquals(new WriteOptions(1, CompressionCodecName.ZSTD, 1_000, 2_000, true), options.write());
  }

  @Test
  void defaultsAreThePublishedOnes() {
    GenerateOptions options = GenerateOptions.parse("--out", "x");
    assertEquals(SampleLake.DEFAULT_ROWS, options.rows());
    assertEquals(42, options.seed());
    assertEquals(WriteOptions.defaults(), options.write());
    assertEquals(CompressionCodecName.SNAPPY, options.write().compression());
  }

  @Test
  void refusesAForeignDirectoryWithExitCodeOne() throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "x");
    assertEquals(GenerateCommand.FAILED, run("--out", dir.toString(), "--rows", "10000"));
    assertTrue(output().startsWith("generate: output " + dir + " is not empty and holds no lake"), output());
  }

  @Test
  void writesALakeAndRewritesItWithADifferentSeed() throws IOException {
    Path out = dir.resolve("lake");
    assertEquals(GenerateCommand.OK, run("--out", out.toString(), "--rows", "10000", "--seed", "3",
        "--compression", "gzip", "--threads", "2"));
    LakeManifest first = LakeManifest.read(out).orElseThrow();
    assertEquals(3, first.seed());
    assertEquals("GZIP", first.compression());
    // A previous lake is replaced without --force.
    assertEquals(GenerateCommand.OK, run("--out", out.toString(), "--rows", "10000", "--seed", "4"));
    assertEquals(4, LakeManifest.read(out).orElseThrow().seed());
    assertEquals("", output());
  }
}
