package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory rules: never touch what is not the lake's, replace a previous (even half-written) lake. */
class LakeDirectoryTest {
  @TempDir
  Path dir;

  @Test
  void createsAMissingDirectory() throws IOException {
    Path out = dir.resolve("a").resolve("lake");
    LakeDirectory.prepare(out, false);
    assertTrue(Files.isDirectory(out));
  }

  @Test
  void refusesANonEmptyDirectoryThatIsNotALake() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    LakeGenerationException e = assertThrows(LakeGenerationException.class, () -> LakeDirectory.prepare(dir, false));
    assertTrue(e.getMessage().contains("is not empty and holds no lake"), e.getMessage());
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertTrue(Files.exists(dir.resolve("notes.txt")));
  }

  @Test
  void forceReplacesOnlyTheLakesOwnEntries() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.createDirectories(dir.resolve("quote_outcomes/date=2025-05-01"));
    Files.writeString(dir.resolve("quote_outcomes/date=2025-05-01/part-00000.parquet"), "old");
    LakeDirectory.prepare(dir, true);
    assertTrue(Files.exists(dir.resolve("notes.txt")));
    assertFalse(Files.exists(dir.resolve("quote_outcomes")));
  }

  @Test
  void replacesAHalfWrittenLakeWithoutForce() throws IOException {
    Files.createDirectories(dir.resolve("partner_metrics/date=2025-05-01"));
    Files.writeString(dir.resolve("partner_metrics/date=2025-05-01/part-00000.parquet"), "partial");
    LakeDirectory.prepare(dir, false);
    assertFalse(Files.exists(dir.resolve("partner_metrics")));
  }

  @Test
  void refusesAFileAsOutput() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    LakeGenerationException e = assertThrows(LakeGenerationException.class, () -> LakeDirectory.prepare(file, true));
    assertTrue(e.getMessage().contains("is a file"), e.getMessage());
  }

  @Test
  void partitionValuesAreEscapedInDirectoryNames() {
    assertTrue(HivePaths.partitionDirectory(dir, "k", "a/b=c").getFileName().toString().equals("k=a%2Fb%3Dc"));
    assertThrows(IllegalArgumentException.class, () -> HivePaths.escape(".."));
  }
}
