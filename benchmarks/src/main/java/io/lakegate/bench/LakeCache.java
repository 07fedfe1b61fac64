package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import io.lakegate.generator.LakeManifest;
import io.lakegate.generator.LakeSummary;
import io.lakegate.generator.SampleLake;
import io.lakegate.generator.WriteOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated lake of one scale, written once under the output directory ({@code lake-<rows>/}) and
 * reused while its {@code lake.json} says it holds exactly the rows of that seed and size.
 */
final class LakeCache {
  private static final Logger LOG = LoggerFactory.getLogger(LakeCache.class);

  private LakeCache() {
  }

  /**
   * A generated lake.
   *
   * @param root its directory
   * @param manifest its {@code lake.json}: rows, files, row groups and bytes per table
   */
  record Lake(Path root, LakeManifest manifest) {
    Lake {
      requireNonNull(root, "root");
      requireNonNull(manifest, "manifest");
    }
  }

  static Lake ensure(Path outDirectory, long rows) throws IOException {
    SampleLake lake = SampleLake.builder().seed(SampleLake.DEFAULT_SEED).rows(rows).build();
    Path root = outDirectory.resolve("lake-" + rows).toAbsolutePath();
    Optional<LakeManifest> manifest = LakeManifest.read(root);
    if (manifest.isPresent() && manifest.get().describes(lake)) {
      LOG.info("reusing the {}-row lake at {}", rows, root);
      return new Lake(root, manifest.get());
    }
    LOG.info("generating the {}-row lake (seed {}) at {}", rows, lake.seed(), root);
    // The directory is the harness's own: a half-written lake from an interrupted run is replaced.
    LakeSummary summary = lake.write(root, WriteOptions.defaults().withForce(true));
    LOG.info("lake written in {} ms: {} rows", summary.millis(), summary.total().rows());
    return new Lake(root, LakeManifest.read(root).orElseThrow(
        () -> new IllegalStateException("the generator wrote no lake.json under " + root)));
  }
}
