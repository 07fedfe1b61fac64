package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a ClickHouse endpoint for the production clickhouse-jdbc driver where no ClickHouse
 * server exists. It runs ClickHouse's real engine ({@code libchdb.so}) in a helper JVM that serves
 * ClickHouse's HTTP interface on 127.0.0.1, logs every statement it receives, and can be killed,
 * paused and restarted by failover tests.
 *
 * <pre>
 * try (ClickHouseTestEngine engine = ClickHouseTestEngine.start(ClickHouseTestEngine.Options.builder()
 *         .user("lakegate_ro", "secret", Map.of("readonly", "2"))
 *         .startupSql(Path.of("ddl/nfs.sql"))
 *         .build())) {
 *     DriverManager.getConnection(engine.jdbcUrl(), "lakegate_ro", "secret") ...
 *     engine.statements() ...
 * }
 * </pre>
 *
 * Needs {@code libchdb.so}: run {@code .ci/fetch-chdb} once (see {@link ChdbLibraryLocator}).
 */
public final class ClickHouseTestEngine implements ClickHouseEndpoint {

    private final Options options;
    private final Path libchdb;
    private final Path directory;
    private final Path configFile;
    private final Path readyFile;
    private final Path statementLogFile;
    private final Path logFile;
    private EngineProcess process;
    private Path dataDirectory;
    private int generation;
    private int port;
    private boolean closed;

    private ClickHouseTestEngine(Options options, Path libchdb, Path directory) {
        this.options = options;
        this.libchdb = libchdb;
        this.directory = directory;
        this.configFile = directory.resolve("engine.json");
        this.readyFile = directory.resolve("ready");
        this.statementLogFile = directory.resolve("statements.jsonl");
        this.logFile = directory.resolve("engine.log");
    }

    /** Starts an engine with the stock {@code default} user and nothing created. */
    public static ClickHouseTestEngine start() throws IOException {
        return start(Options.builder().build());
    }

    /** Starts the engine process and waits until it answers {@code /ping}. */
    public static ClickHouseTestEngine start(Options options) throws IOException {
        requireNonNull(options, "options");
        Path libchdb = options.libchdb() != null ? options.libchdb() : ChdbLibraryLocator.locate();
        if (!Files.isRegularFile(libchdb)) {
            throw new IllegalStateException("libchdb.so not found at " + libchdb + "; run .ci/fetch-chdb");
        }
        Path directory = Files.createTempDirectory("lakegate-chdb-engine-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ClickHouseTestEngine engine = new ClickHouseTestEngine(options, libchdb, directory);
        try {
            engine.launch(0);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    @Override
    public String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A clickhouse-jdbc URL for the {@code default} database. */
    public String jdbcUrl() {
        return jdbcUrl("default");
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse://127.0.0.1:" + port + "/" + requireNonNull(database, "database");
    }

    /** The first configured user (the {@code default} user unless the options name others). */
    @Override
    public EngineUser user() {
        return options.users().get(0);
    }

    /** Process id of the current engine process. */
    public long pid() {
        return requireProcess().pid();
    }

    /** ClickHouse's data directory ({@code --path}) of the current engine process. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The engine process's own log (its stdout and stderr), kept across restarts. */
    public Path logFile() {
        return logFile;
    }

    /** Every statement received over HTTP since {@link #start}, across restarts, in arrival order. */
    @Override
    public List<StatementRecord> statements() {
        try {
            return StatementLog.read(statementLogFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the statement log " + statementLogFile, e);
        }
    }

    /** SIGKILL: the engine is gone at once, new connections are refused. */
    public void kill() {
        requireProcess().kill();
    }

    /** SIGSTOP: the port still accepts connections but nothing answers, like a hung server. */
    public void pause() {
        requireProcess().signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        requireProcess().signal("CONT");
    }

    /**
     * Kills the engine if it still runs and starts a new one on the same port, with a fresh data
     * directory and the startup SQL run again (the statement log continues).
     */
    public void restart() throws IOException {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        if (process != null && process.isAlive()) {
            process.kill();
        }
        launch(port);
    }

    private void launch(int requestedPort) throws IOException {
        Path previousData = dataDirectory;
        generation++;
        dataDirectory = directory.resolve("data-" + generation);
        if (previousData != null) {
            deleteRecursively(previousData);
        }
        Files.deleteIfExists(readyFile);
        List<String> startupSql = options.startupSql().stream().map(path -> path.toAbsolutePath().toString()).toList();
        EngineConfig config = new EngineConfig(libchdb.toAbsolutePath().toString(), dataDirectory.toString(),
                statementLogFile.toString(), readyFile.toString(), requestedPort, options.users(), startupSql,
                options.threads());
        Files.deleteIfExists(configFile);
        Files.createFile(configFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        config.write(configFile);
        process = EngineProcess.start(configFile, logFile, options.timezone());
        awaitReady();
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ClickHouse test engine exited before it was ready. "
                        + "Last lines of " + logFile + ":\n" + tail(logFile, 30));
            }
            if (Files.exists(readyFile)) {
                port = Integer.parseInt(Files.readString(readyFile, StandardCharsets.UTF_8).strip());
                if (ping()) {
                    return;
                }
            }
            sleep(Duration.ofMillis(25));
        }
        process.kill();
        throw new IllegalStateException("the ClickHouse test engine did not answer /ping within "
                + options.startTimeout() + ". Last lines of " + logFile + ":\n" + tail(logFile, 30));
    }

    private boolean ping() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(httpUrl() + "/ping").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            try (InputStream in = connection.getInputStream()) {
                return connection.getResponseCode() == 200
                        && new String(in.readAllBytes(), StandardCharsets.UTF_8).equals("Ok.\n");
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            // Not listening yet, or still starting: the caller retries until its deadline.
            return false;
        }
    }

    private EngineProcess requireProcess() {
        if (closed || process == null) {
            throw new IllegalStateException("the engine is not running");
        }
        return process;
    }

    /** Kills the engine and deletes its directory (data, log, statement log). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null && process.isAlive()) {
            process.kill();
        }
        deleteRecursively(directory);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ClickHouse test engine", e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
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

    /**
     * How to start the engine.
     *
     * @param libchdb      {@code libchdb.so}; null to locate it ({@link ChdbLibraryLocator})
     * @param startupSql   SQL files run in order before the engine serves (e.g. the project's ddl/)
     * @param users        accepted users; the first is {@link #user()}
     * @param startTimeout how long to wait for the first {@code /ping}
     * @param threads      requests served at once, each on its own chDB session
     * @param timezone     the server time zone ({@code TZ} of the engine process)
     */
    public record Options(Path libchdb, List<Path> startupSql, List<EngineUser> users, Duration startTimeout,
            int threads, String timezone) {

        public Options {
            startupSql = List.copyOf(requireNonNull(startupSql, "startupSql"));
            users = List.copyOf(requireNonNull(users, "users"));
            requireNonNull(startTimeout, "startTimeout");
            requireNonNull(timezone, "timezone");
            if (users.isEmpty()) {
                throw new IllegalArgumentException("the engine needs at least one user");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Options}; without users the engine has ClickHouse's stock {@code default} user. */
        public static final class Builder {
            private Path libchdb;
            private final List<Path> startupSql = new ArrayList<>();
            private final List<EngineUser> users = new ArrayList<>();
            private Duration startTimeout = Duration.ofSeconds(60);
            private int threads = 8;
            private String timezone = "UTC";

            private Builder() {
            }

            public Builder libchdb(Path path) {
                this.libchdb = requireNonNull(path, "path");
                return this;
            }

            public Builder startupSql(Path... files) {
                startupSql.addAll(Arrays.asList(files));
                return this;
            }

            public Builder user(String name, String password) {
                return user(name, password, Map.of());
            }

            /** A user whose profile applies {@code settings} to each of its queries, e.g. {@code readonly=2}. */
            public Builder user(String name, String password, Map<String, String> settings) {
                users.add(new EngineUser(name, password, settings));
                return this;
            }

            public Builder startTimeout(Duration timeout) {
                this.startTimeout = requireNonNull(timeout, "timeout");
                return this;
            }

            public Builder threads(int count) {
                this.threads = count;
                return this;
            }

            public Builder timezone(String zone) {
                this.timezone = requireNonNull(zone, "zone");
                return this;
            }

            public Options build() {
                return new Options(libchdb, startupSql, users.isEmpty() ? List.of(EngineUser.defaultUser()) : users,
                        startTimeout, threads, timezone);
            }
        }
    }
}
