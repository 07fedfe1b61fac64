package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running engine JVM: how it is started (same java, this JVM's class path, libjsig preloaded) and
 * the signals tests send it (SIGKILL, SIGSTOP, SIGCONT).
 */
final class EngineProcess {

    private final Process process;

    private EngineProcess(Process process) {
        this.process = process;
    }

    static EngineProcess start(Path configFile, Path logFile, String timezone) throws IOException {
        requireNonNull(configFile, "configFile");
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path libjsig = javaHome.resolve("lib").resolve("libjsig.so");
        if (!libjsig.toFile().isFile()) {
            throw new IllegalStateException("the JVM at " + javaHome + " has no lib/libjsig.so, which the engine needs "
                    + "for signal chaining with ClickHouse; use a full JDK 17 build");
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xss1m");
        command.add("-Duser.timezone=" + timezone);
        command.add("-Dlog4j2.configurationFile=lakegate-clickhouse-test-engine-log4j2.xml");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChdbHttpServer.class.getName());
        command.add(configFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("LD_PRELOAD", libjsig.toString());
        // ClickHouse takes the server time zone from TZ; a real server in a container runs in UTC too.
        builder.environment().put("TZ", timezone);
        return new EngineProcess(builder.start());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("engine process " + pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for engine process " + pid() + " to end", e);
        }
    }

    void signal(String signal) {
        requireNonNull(signal, "signal");
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to " + pid(), e);
        }
    }
}
