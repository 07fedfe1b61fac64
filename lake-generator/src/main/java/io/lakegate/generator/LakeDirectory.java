package io.lakegate.generator;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the output directory ready for a new lake without ever deleting anything that is not
 * the lake's own: its table directories and manifest. The manifest goes first, so that an
 * interrupted rewrite leaves a lake that is visibly incomplete.
 */
final class LakeDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(LakeDirectory.class);
  private static final Set<String> LAKE_ENTRIES = Set.of(SampleLake.PARTNER_METRICS, SampleLake.QUOTE_OUTCOMES,
      SampleLake.COMMISSION_HISTORY, LakeManifest.FILE_NAME, LakeManifest.FILE_NAME + ".tmp");

  private LakeDirectory() {
  }

  /**
   * Creates {@code root}, or clears the lake in it.
   *
   * @throws LakeGenerationException when {@code root} holds other files and {@code force} is false
   */
  static void prepare(Path root, boolean force) throws IOException {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new LakeGenerationException("output " + root + " is a file, not a directory; choose a directory");
    }
    Files.createDirectories(root);
    List<String> entries;
    try (Stream<Path> list = Files.list(root)) {
      entries = list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    List<String> foreign = entries.stream().filter(e -> !LAKE_ENTRIES.contains(e)).toList();
    boolean previousLake = foreign.isEmpty() || hasManifest(root);
    if (!previousLake && !force) {
      throw new LakeGenerationException("output " + root + " is not empty and holds no lake (no "
          + LakeManifest.FILE_NAME + "; found " + abbreviate(foreign) + "); choose an empty directory or pass --force"
          + " (which replaces only " + SampleLake.PARTNER_METRICS + "/, " + SampleLake.QUOTE_OUTCOMES + "/, "
          + SampleLake.COMMISSION_HISTORY + "/ and " + LakeManifest.FILE_NAME + ")");
    }
    if (!foreign.isEmpty()) {
      LOG.warn("{} holds entries that are not part of the lake; leaving them alone: {}", root, abbreviate(foreign));
    }
    Files.deleteIfExists(root.resolve(LakeManifest.FILE_NAME));
    for (String entry : LAKE_ENTRIES) {
      deleteRecursively(root.resolve(entry));
    }
  }

  private static boolean hasManifest(Path root) {
    try {
      return LakeManifest.read(root).isPresent();
    } catch (IOException e) {
      LOG.warn("ignoring unreadable manifest: {}", e.getMessage());
      return false;
    }
  }

  private static String abbreviate(List<String> names) {
    return names.size() <= 5 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + ", ... (" + names.size() + " entries)";
  }

  /** Deletes a file or a directory tree; symbolic links are removed, never followed. */
  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
