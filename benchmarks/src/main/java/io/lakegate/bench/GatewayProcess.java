package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway in its own JVM, started as {@code bin/lakegate} starts it ({@code LakegateMain serve}, UTC,
 * a fixed heap), so that its heap, threads and CPU are its own: waits for {@code /health}, reads
 * {@code /metrics} and {@code /proc}, records JFR on demand, and stops it with SIGTERM.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayProcess.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private final Options options;
  private final Process process;
  private final int port;
  private final Path logFile;
  private final Path gcLogFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * How to start one gateway.
   *
   * @param name a short name for its files ({@code clickhouse}, {@code lake})
   * @param model the model.json it serves
   * @param classPath the JVM class path holding the gateway and its libraries
   * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 1g}
   * @param warmup whether the gateway runs its warm-up queries before reporting ready
   * @param logDirectory where its log and GC log go
   */
  public record Options(String name, Path model, String classPath, String maxHeap, boolean warmup,
      Path logDirectory) {
    public Options {
      requireNonNull(name, "name");
      requireNonNull(model, "model");
      requireNonNull(classPath, "classPath");
      requireNonNull(maxHeap, "maxHeap");
      requireNonNull(logDirectory, "logDirectory");
    }
  }

  private GatewayProcess(Options options, Process process, int port, Path logFile, Path gcLogFile) {
    this.options = options;
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.gcLogFile = gcLogFile;
  }

  /** Starts the JVM and waits until {@code /health} says UP. */
  public static GatewayProcess start(Options options) throws IOException {
    requireNonNull(options, "options");
    Files.createDirectories(options.logDirectory());
    int port = FreePort.pick();
    Path log = options.logDirectory().resolve("gateway-" + options.name() + ".log");
    Path gcLog = options.logDirectory().resolve("gateway-" + options.name() + "-gc.log");
    Files.deleteIfExists(log);
    Files.deleteIfExists(gcLog);
    List<String> command = command(options, port, gcLog);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Only the command line configures this gateway: none of the LAKEGATE_* variables of the caller's shell.
    builder.environment().keySet().removeIf(name -> name.startsWith("LAKEGATE_"));
    LOG.info("starting the {} gateway: -Xmx{}, port {}, log {}", options.name(), options.maxHeap(), port, log);
    long started = System.nanoTime();
    GatewayProcess gateway = new GatewayProcess(options, builder.start(), port, log, gcLog);
    try {
      gateway.awaitHealthy();
    } catch (IOException | RuntimeException e) {
      gateway.close();
      throw e;
    }
    LOG.info("the {} gateway is up after {} ms (pid {})", options.name(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), gateway.pid());
    return gateway;
  }

  static List<String> command(Options options, int port, Path gcLog) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.maxHeap());
    command.add("-Duser.timezone=UTC");
    // The gateway's own logging configuration, whatever else the class path holds.
    command.add("-Dlog4j2.configurationFile=log4j2.xml");
    command.add("-Xlog:gc:file=" + gcLog + ":time");
    command.add("-cp");
    command.add(options.classPath());
    command.add("io.lakegate.server.LakegateMain");
    command.add("serve");
    command.add("--model");
    command.add(options.model().toAbsolutePath().toString());
    command.add("--host");
    command.add("127.0.0.1");
    command.add("--port");
    command.add(Integer.toString(port));
    if (!options.warmup()) {
      command.add("--no-warmup");
    }
    return command;
  }

  private void awaitHealthy() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the " + options.name() + " gateway exited with code " + process.exitValue()
            + " before it was ready; last lines of " + logFile + ":\n" + Logs.tail(logFile, 30));
      }
      try {
        HttpResponse<String> health = get("/health");
        if (health.statusCode() == 200 && "UP".equals(JSON.readTree(health.body()).path("status").asText())) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet: the loop retries until the deadline.
        LOG.trace("gateway not answering yet: {}", e.toString());
      }
      sleep(200);
    }
    throw new IllegalStateException("the " + options.name() + " gateway did not report UP on /health within "
        + START_TIMEOUT + "; last lines of " + logFile + ":\n" + Logs.tail(logFile, 30));
  }

  public String name() {
    return options.name();
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  public Path gcLogFile() {
    return gcLogFile;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code GET /metrics} as JSON. */
  public JsonNode metrics() throws IOException {
    return json("/metrics");
  }

  /** {@code GET /health} as JSON. */
  public JsonNode health() throws IOException {
    return json("/health");
  }

  public ProcSample proc() {
    return ProcSample.of(pid());
  }

  private JsonNode json(String path) throws IOException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
        .GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + path, e);
    }
  }

  /** Starts a JFR recording ({@code settings=profile}) written to {@code file} when stopped. */
  public void startRecording(String recording, Path file) throws IOException {
    Tools.run(List.of("jcmd", Long.toString(pid()), "JFR.start", "name=" + recording, "settings=profile",
        "filename=" + file.toAbsolutePath()), Duration.ofSeconds(30));
  }

  /** Stops a recording started by {@link #startRecording}, which writes its file. */
  public void stopRecording(String recording) throws IOException {
    Tools.run(List.of("jcmd", Long.toString(pid()), "JFR.stop", "name=" + recording), Duration.ofSeconds(60));
  }

  /** SIGTERM (the gateway's shutdown hook stops it cleanly), then SIGKILL if it has not ended within 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        LOG.warn("the {} gateway did not stop within 30 s of SIGTERM; killing it", options.name());
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The JVM options this harness gives every gateway, for the report. */
  public static String jvmSummary(String maxHeap) {
    return "-Xmx" + maxHeap + " -Duser.timezone=UTC (JDK default collector)";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the gateway", e);
    }
  }
}
