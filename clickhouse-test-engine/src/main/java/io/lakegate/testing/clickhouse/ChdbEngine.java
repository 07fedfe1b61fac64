package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ClickHouse engine of this process: {@code libchdb.so} loaded once and never unloaded, booted on
 * one data directory, handing out one fresh {@link ChdbSession} per request.
 *
 * <p>Two facts about the library shape this class. It installs ClickHouse's signal handlers, so the
 * JVM must run with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so} (signal chaining) or it dies at the
 * first implicit NullPointerException. And the C library's {@code exit()} runs ClickHouse's global
 * destructors, which hang or crash once queries ran on several connections; so the process ends only
 * through {@link #halt(int)}, which is libc {@code _exit}.
 */
final class ChdbEngine {

    /** libc's {@code _exit}: ends the process without atexit handlers or global destructors. */
    private interface LibC extends Library {
        void _exit(int status);
    }

    private final ChdbLibrary library;
    private final String dataPath;
    /** Kept open for the life of the process: it booted the engine. */
    private final ChdbSession bootSession;
    private final String version;
    private final String timezone;
    private final String hostName;

    private ChdbEngine(ChdbLibrary library, String dataPath, ChdbSession bootSession) {
        this.library = library;
        this.dataPath = dataPath;
        this.bootSession = bootSession;
        this.version = scalar("SELECT version()");
        this.timezone = scalar("SELECT timezone()");
        this.hostName = scalar("SELECT hostName()");
    }

    /** Loads the library and boots ClickHouse with {@code dataDirectory} as its {@code --path}. */
    static ChdbEngine boot(Path libchdb, Path dataDirectory) {
        requireNonNull(libchdb, "libchdb");
        requireNonNull(dataDirectory, "dataDirectory");
        if (!Files.isRegularFile(libchdb)) {
            throw new IllegalStateException("libchdb.so not found at " + libchdb + "; run .ci/fetch-chdb");
        }
        ChdbLibrary library = Native.load(libchdb.toAbsolutePath().toString(), ChdbLibrary.class);
        String dataPath = dataDirectory.toAbsolutePath().toString();
        return new ChdbEngine(library, dataPath, connect(library, dataPath));
    }

    ChdbSession openSession() {
        return connect(library, dataPath);
    }

    private static ChdbSession connect(ChdbLibrary library, String dataPath) {
        String[] argv = {"clickhouse", "--path=" + dataPath};
        Pointer connectionRef = library.chdb_connect(argv.length, argv);
        if (connectionRef == null) {
            throw new IllegalStateException("chdb_connect failed for data path " + dataPath
                    + " (another process using it? see the engine log for ClickHouse's message)");
        }
        return new ChdbSession(library, connectionRef);
    }

    private String scalar(String sql) {
        ChdbResult result = bootSession.execute(sql);
        if (!result.succeeded()) {
            throw new IllegalStateException(sql + " failed: " + result.error().orElseThrow().text());
        }
        return new String(result.output(), StandardCharsets.UTF_8).strip();
    }

    /** ClickHouse's version, e.g. {@code 26.5.1.1} (chDB 26.5.3 reports this). */
    String version() {
        return version;
    }

    /** The server time zone, {@code timezone()}. */
    String timezone() {
        return timezone;
    }

    /** {@code hostName()}: what a server without {@code display_name} reports as its display name. */
    String hostName() {
        return hostName;
    }

    /** Ends the process at once; see the class comment for why not {@code System.exit} or {@code Runtime.halt}. */
    static void halt(int status) {
        Native.load("c", LibC.class)._exit(status);
    }
}
