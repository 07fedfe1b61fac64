package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Main class of the engine process: boots chDB, runs the startup SQL, serves ClickHouse's HTTP
 * interface on 127.0.0.1 and writes the ready file. Started by {@link ClickHouseTestEngine}, or by hand:
 *
 * <pre>
 * LD_PRELOAD=$JAVA_HOME/lib/libjsig.so java -cp ... io.lakegate.testing.clickhouse.ChdbHttpServer engine.json
 * </pre>
 *
 * <p>The process ends only by a signal; SIGTERM and SIGINT end it through libc {@code _exit} (see
 * {@link ChdbEngine}).
 */
public final class ChdbHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(ChdbHttpServer.class);

    private ChdbHttpServer() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            LOG.error("usage: ChdbHttpServer <engine-config.json> (ClickHouseTestEngine writes this file)");
            ChdbEngine.halt(2);
        }
        // JNA reads this once, when it loads; error texts and query parameters are UTF-8.
        System.setProperty("jna.encoding", StandardCharsets.UTF_8.name());
        // Without TCP_NODELAY the body segment waits for the client's delayed ACK of the headers:
        // 40 ms added to every query of clickhouse-jdbc.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            serve(EngineConfig.read(Path.of(args[0])));
        } catch (Exception | LinkageError e) {
            LOG.error("the ClickHouse test engine failed to start", e);
            ChdbEngine.halt(1);
        }
    }

    static void serve(EngineConfig config) throws IOException {
        requireSignalChaining();
        long started = System.nanoTime();
        Path dataDirectory = Files.createDirectories(Path.of(config.dataDirectory()));
        ChdbEngine engine = ChdbEngine.boot(Path.of(config.libchdb()), dataDirectory);
        LOG.info("ClickHouse {} (chDB) booted on {} in {} ms", engine.version(), dataDirectory,
                (System.nanoTime() - started) / 1_000_000);
        for (String file : config.startupSql()) {
            runStartupSql(engine, Path.of(file));
        }

        StatementLog statementLog = new StatementLog(Path.of(config.statementLog()));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        server.createContext("/", new ClickHouseHttpHandler(engine, new Authenticator(config.users()), statementLog));
        server.setExecutor(workers(config.threads()));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                statementLog.close();
            } catch (IOException e) {
                LOG.warn("closing the statement log failed", e);
            }
            ChdbEngine.halt(0);
        }, "chdb-engine-exit"));

        int port = server.getAddress().getPort();
        writeReadyFile(Path.of(config.readyFile()), port);
        LOG.info("serving ClickHouse's HTTP interface on http://127.0.0.1:{} ({} ms after start), statements in {}",
                port, (System.nanoTime() - started) / 1_000_000, config.statementLog());
    }

    private static void requireSignalChaining() {
        String preload = System.getenv("LD_PRELOAD");
        if (preload == null || !preload.contains("libjsig")) {
            throw new IllegalStateException("start the engine with LD_PRELOAD=" + Path.of(System.getProperty("java.home"),
                    "lib", "libjsig.so") + ": ClickHouse installs its own signal handlers, and without signal "
                    + "chaining the JVM dies at the first implicit NullPointerException");
        }
    }

    private static void runStartupSql(ChdbEngine engine, Path file) throws IOException {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        try (ChdbSession session = engine.openSession()) {
            ChdbResult result = session.execute(sql);
            if (!result.succeeded()) {
                throw new IllegalStateException("startup SQL " + file + " failed: " + result.error().orElseThrow().text());
            }
        }
        LOG.info("ran startup SQL {}", file);
    }

    private static ExecutorService workers(int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "chdb-http-" + number.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        });
    }

    /** Written atomically, so that the fixture never reads half a port number. */
    private static void writeReadyFile(Path readyFile, int port) throws IOException {
        requireNonNull(readyFile, "readyFile");
        Path temporary = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        Files.writeString(temporary, Integer.toString(port), StandardCharsets.UTF_8);
        Files.move(temporary, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
