package io.lakegate.testing.clickhouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds {@code libchdb.so}: {@code $LAKEGATE_CHDB_LIB}, else the cache that {@code .ci/fetch-chdb}
 * fills ({@code ${LAKEGATE_CACHE:-$HOME/.cache/lakegate}/chdb/<version>/package/libchdb.so}).
 */
public final class ChdbLibraryLocator {

    /** The chDB package version {@code .ci/fetch-chdb} fetches; keep the two in step. */
    public static final String CHDB_VERSION = "26.5.3";

    private ChdbLibraryLocator() {
    }

    /** The library path, or an exception that says how to get the library. */
    public static Path locate() {
        return locate(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path locate(Map<String, String> environment, Path home) {
        String explicit = environment.get("LAKEGATE_CHDB_LIB");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("LAKEGATE_CHDB_LIB points to " + path + ", which is not a file. "
                        + "Unset it to use the cache of .ci/fetch-chdb, or point it to libchdb.so.");
            }
            return path;
        }
        Path path = defaultLocation(environment, home);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("libchdb.so (ClickHouse engine of the test engine) is not at " + path
                    + ". Run .ci/fetch-chdb from the repository root once: it downloads @chdb/lib-linux-x64-gnu@"
                    + CHDB_VERSION + " from the npm registry into that cache (CI runs it before the build). "
                    + "Or set LAKEGATE_CHDB_LIB to the library.");
        }
        return path;
    }

    static Path defaultLocation(Map<String, String> environment, Path home) {
        String cache = environment.get("LAKEGATE_CACHE");
        Path root = cache == null || cache.isBlank() ? home.resolve(".cache").resolve("lakegate") : Path.of(cache);
        return root.resolve("chdb").resolve(CHDB_VERSION).resolve("package").resolve("libchdb.so");
    }
}
