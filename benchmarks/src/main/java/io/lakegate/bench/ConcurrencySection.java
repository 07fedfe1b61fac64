package io.lakegate.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Section 3, concurrency: 1, 8, 32, 64 thin-driver clients, each on its own connection, run the mixed
 * workload round-robin (each from another starting query) for a fixed time; throughput, latency, errors,
 * and the gateway JVM's heap (GC log and {@code jcmd GC.heap_info}), threads and resident memory.
 */
final class ConcurrencySection {
  static final String SECTION = "concurrency";
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrencySection.class);
  private static final Pattern HEAP_INFO = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final int ERROR_SAMPLES = 3;

  private ConcurrencySection() {
  }

  /**
   * One level on one gateway.
   *
   * @param backend {@code clickhouse} or {@code lake}: the gateway's configured path
   * @param clients concurrent clients
   * @param seconds measured wall time
   * @param ok queries answered
   * @param errors queries that failed
   * @param latency of the answered queries, milliseconds
   * @param gc the gateway's GC pauses during the level
   * @param heapUsedMb heap in use at the end of the level ({@code jcmd GC.heap_info}), -1 when unknown
   * @param maxThreads the most threads the gateway JVM had (sampled every 250 ms)
   * @param maxRssMb the most resident memory it had, MiB
   * @param answeredByLake statements the gateway answered from the lake during the level (/metrics)
   * @param answeredByClickHouse statements ClickHouse answered during the level (/metrics)
   * @param errorSamples the first few distinct error messages
   */
  record Level(String backend, int clients, double seconds, long ok, long errors, Stats latency, GcLog.Summary gc,
      long heapUsedMb, int maxThreads, long maxRssMb, long answeredByLake, long answeredByClickHouse,
      List<String> errorSamples) {
    double throughput() {
      return seconds > 0 ? ok / seconds : 0;
    }
  }

  static List<Level> run(BenchContext context, GatewayProcess gateway, String backend) throws IOException,
      InterruptedException {
    List<Level> levels = new ArrayList<>();
    for (int clients : context.options().clients()) {
      LOG.info("concurrency ({}): {} client(s) for {} s", backend, clients, context.options().durationSeconds());
      levels.add(level(context, gateway, backend, clients, Duration.ofSeconds(context.options().durationSeconds())));
    }
    return levels;
  }

  static Level level(BenchContext context, GatewayProcess gateway, String backend, int clients, Duration duration)
      throws IOException, InterruptedException {
    Run run = new Run(context, gateway, context.mixedQueries(), "lakegate-" + backend + "@" + clients, clients);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c;
      Thread thread = new Thread(() -> run.client(offset), "bench-client-" + c);
      threads.add(thread);
      thread.start();
    }
    run.ready.await();
    JsonNode metricsBefore = gateway.metrics();
    Sampler sampler = new Sampler(gateway);
    sampler.start();
    Instant from = Instant.now();
    long began = System.nanoTime();
    run.deadline = began + duration.toNanos();
    run.start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    Instant to = Instant.now();
    sampler.stop();
    JsonNode metricsAfter = gateway.metrics();
    GcLog.Summary gc = GcLog.summarize(GcLog.read(gateway.gcLogFile()), from, to);
    Level level = new Level(backend, clients, seconds, run.latencies.size(), run.errors.get(),
        run.latencyStats(), gc, heapUsedMb(gateway), sampler.maxThreads(),
        sampler.maxRssKb() < 0 ? -1 : sampler.maxRssKb() / 1024,
        delta(metricsBefore, metricsAfter, "failover_answered_lake"),
        delta(metricsBefore, metricsAfter, "failover_answered_clickhouse"),
        run.errorSamples.keySet().stream().sorted().limit(ERROR_SAMPLES).toList());
    LOG.info("concurrency ({}): {} client(s): {} ok ({} q/s), {} errors, p50 {} ms, p99 {} ms", backend, clients,
        level.ok(), String.format(Locale.ROOT, "%.1f", level.throughput()), level.errors(),
        String.format(Locale.ROOT, "%.0f", level.latency().median()),
        String.format(Locale.ROOT, "%.0f", level.latency().p99()));
    return level;
  }

  /** The shared state of one level's clients. */
  private static final class Run {
    private final BenchContext context;
    private final GatewayProcess gateway;
    private final List<BenchQuery> workload;
    private final String subject;
    private final CountDownLatch ready;
    private final CountDownLatch start = new CountDownLatch(1);
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, Boolean> errorSamples = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** System.nanoTime() at which clients stop starting queries; set before {@link #start} opens. */
    private volatile long deadline;

    Run(BenchContext context, GatewayProcess gateway, List<BenchQuery> workload, String subject, int clients) {
      this.context = context;
      this.gateway = gateway;
      this.workload = workload;
      this.subject = subject;
      this.ready = new CountDownLatch(clients);
    }

    Stats latencyStats() {
      synchronized (latencies) {
        return Stats.of(List.copyOf(latencies));
      }
    }

    /** One client: its own connection, one untimed query, then the workload until the deadline. */
    void client(int offset) {
      JdbcClient client = null;
      try {
        client = Clients.thinDriver(subject, gateway.port());
        client.query(workload.get(offset % workload.size()).sql());
      } catch (SQLException e) {
        errors.incrementAndGet();
        errorSamples.putIfAbsent("connect/first query: " + Errors.oneLine(e), Boolean.TRUE);
      } finally {
        ready.countDown();
      }
      try {
        start.await();
        if (client != null) {
          loop(client, offset);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (client != null) {
          try {
            client.close();
          } catch (SQLException e) {
            LOG.debug("closing a client connection: {}", e.toString());
          }
        }
      }
    }

    private void loop(JdbcClient client, int offset) {
      for (int i = offset; System.nanoTime() < deadline; i++) {
        BenchQuery query = workload.get(i % workload.size());
        long begin = System.nanoTime();
        try {
          long rows = client.query(query.sql()).rowCount();
          double millis = (System.nanoTime() - begin) / 1e6;
          latencies.add(millis);
          context.record(new Measurement(SECTION, query.name(), subject, Measurement.MEASURE,
              sequence.incrementAndGet(), millis, rows, true, ""));
        } catch (SQLException e) {
          double millis = (System.nanoTime() - begin) / 1e6;
          errors.incrementAndGet();
          String message = Errors.oneLine(e);
          errorSamples.putIfAbsent(query.name() + ": " + message, Boolean.TRUE);
          context.record(new Measurement(SECTION, query.name(), subject, Measurement.MEASURE,
              sequence.incrementAndGet(), millis, -1, false, message));
        }
      }
    }
  }

  private static long delta(JsonNode before, JsonNode after, String counter) {
    return after.path("failover").path(counter).asLong() - before.path("failover").path(counter).asLong();
  }

  /** The heap in use now, from {@code jcmd <pid> GC.heap_info}; -1 when it cannot be read. */
  static long heapUsedMb(GatewayProcess gateway) {
    try {
      String info = Tools.run(List.of("jcmd", Long.toString(gateway.pid()), "GC.heap_info"), Duration.ofSeconds(30));
      Matcher m = HEAP_INFO.matcher(info);
      return m.find() ? Long.parseLong(m.group(2)) / 1024 : -1;
    } catch (IOException e) {
      LOG.warn("cannot read the gateway's heap with jcmd: {}", e.getMessage());
      return -1;
    }
  }

  /** Samples the gateway process's threads and resident memory every 250 ms. */
  private static final class Sampler {
    private final GatewayProcess gateway;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int maxThreads = -1;
    private volatile long maxRssKb = -1;

    Sampler(GatewayProcess gateway) {
      this.gateway = gateway;
      this.thread = new Thread(this::loop, "bench-sampler");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    private void loop() {
      while (!stopped) {
        ProcSample sample = gateway.proc();
        maxThreads = Math.max(maxThreads, sample.threads());
        maxRssKb = Math.max(maxRssKb, sample.rssKb());
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      stopped = true;
      thread.interrupt();
      thread.join();
      ProcSample last = gateway.proc();
      maxThreads = Math.max(maxThreads, last.threads());
      maxRssKb = Math.max(maxRssKb, last.rssKb());
    }

    int maxThreads() {
      return maxThreads;
    }

    long maxRssKb() {
      return maxRssKb;
    }
  }
}
