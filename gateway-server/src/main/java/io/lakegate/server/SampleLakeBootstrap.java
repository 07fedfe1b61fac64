package io.lakegate.server;

import io.lakegate.catalog.LakeConfig;
import io.lakegate.generator.GenerateCommand;
import io.lakegate.generator.LakeManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --generate-sample-lake}: writes the default sample lake into the model's lake root when
 * that root is missing or empty. It never writes over anything else — a directory with files but
 * no generator manifest may be a real lake, so it is served as it is.
 */
final class SampleLakeBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(SampleLakeBootstrap.class);
  static final long SAMPLE_ROWS = 1_000_000L;

  private SampleLakeBootstrap() {
  }

  /**
   * Generates the sample lake if {@code lake}'s root is a local directory that is missing or empty.
   *
   * @throws IllegalStateException when the generator fails (its message says why)
   */
  static void ensure(LakeConfig lake) {
    URI root = lake.root();
    if (!"file".equalsIgnoreCase(root.getScheme())) {
      LOG.info("lake root {} is not a local directory; --generate-sample-lake does nothing there", root);
      return;
    }
    Path dir = Path.of(root);
    try {
      if (LakeManifest.read(dir).isPresent()) {
        return;
      }
      if (!isMissingOrEmpty(dir)) {
        LOG.warn("lake root {} has files but no {} (a lake written elsewhere, or an interrupted generation);"
            + " serving it as it is. To replace it with the sample lake: lakegate generate --out {} --force",
            dir, LakeManifest.FILE_NAME, dir);
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect lake root " + dir + ": " + e.getMessage(), e);
    }
    LOG.info("no lake at {}: generating the {}-row sample lake there first (once; progress follows)", dir,
        String.format(Locale.ROOT, "%,d", SAMPLE_ROWS));
    long start = System.nanoTime();
    int exit = GenerateCommand.run("--out", dir.toString(), "--rows", Long.toString(SAMPLE_ROWS));
    if (exit != 0) {
      throw new IllegalStateException("generating the sample lake in " + dir + " failed (exit code " + exit
          + "); see the messages above, or generate it yourself: lakegate generate --out " + dir);
    }
    LOG.info("sample lake written to {} in {} s", dir, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
  }

  private static boolean isMissingOrEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
