package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ModelLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run from start to files: the lake (cached per scale), the engine over it, the
 * ClickHouse-routed gateway JVM (capture, pushdown, planning, concurrency, failover), then the lake-only
 * gateway JVM (lake path, concurrency), then the report, the CSV and the chart. A section that fails is
 * reported as such and the others still run.
 */
final class BenchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);
  /** A profiled pass repeats each query this many times. */
  private static final int PROFILE_REPEATS = 5;
  private static final Duration PROFILE_CONCURRENCY = Duration.ofSeconds(5);

  private final BenchOptions options;
  private final List<String> failures = new ArrayList<>();
  private final List<ProfilePass.Profile> profiles = new ArrayList<>();
  private PushdownSection.Result pushdown;
  private PlanningSection.Result planning;
  private LakeSection.Result lakePath;
  private final List<ConcurrencySection.Level> concurrency = new ArrayList<>();
  private FailoverSection.Result failover;

  private BenchRun(BenchOptions options) {
    this.options = requireNonNull(options, "options");
  }

  /** The files a run wrote. */
  record Output(Path report, Path csv, Optional<Path> chart, RunResults results) {
  }

  static Output run(BenchOptions options) throws IOException {
    return new BenchRun(options).execute();
  }

  private Output execute() throws IOException {
    Instant started = Instant.now();
    MachineInfo machine = MachineInfo.current();
    Path results = Files.createDirectories(options.resultDirectory());
    List<BenchQuery> queries = QueryCorpus.select(QueryCorpus.load(), options.queries());
    LakeCache.Lake lake = LakeCache.ensure(options.out(), options.scale());
    int maxFilesPerPartition = LakeLayout.maxFilesPerPartition(lake.root());
    String engineVersion = null;
    int probeIntervalMs;
    BenchContext context;
    try (BenchEngine engine = BenchEngine.start(options.repo(), lake.root(),
        results.resolve("work").resolve("ddl"))) {
      context = new BenchContext(options, queries, lake, engine);
      engineVersion = engineVersion(engine);
      Path work = context.workDirectory();
      Path projectModel = options.repo().resolve("model.json");
      Path clickHouseModel = ModelFiles.write(projectModel, work.resolve("model-clickhouse.json"), lake.root(),
          Optional.of(engine.access()));
      Path lakeModel = ModelFiles.write(projectModel, work.resolve("model-lake.json"), lake.root(), Optional.empty());
      probeIntervalMs = ModelLoader.load(clickHouseModel).failover().probeIntervalMs();
      Map<String, PushedQuery> pushed = onClickHouseGateway(context, clickHouseModel, lakeModel);
      if (options.runs(BenchOptions.Section.LAKE) || options.runs(BenchOptions.Section.CONCURRENCY)) {
        onLakeGateway(context, lakeModel, pushed);
      }
    }
    RunResults run = new RunResults(options, machine, MachineInfo.currentLoadAverage(), lake, maxFilesPerPartition, started,
        Duration.between(started, Instant.now()), engineVersion, pushdown, planning, lakePath, concurrency, failover,
        profiles, probeIntervalMs, failures);
    return write(context, run, results);
  }

  /** Capture, pushdown, planning, concurrency and failover on the gateway routed to ClickHouse. */
  private Map<String, PushedQuery> onClickHouseGateway(BenchContext context, Path clickHouseModel, Path lakeModel)
      throws IOException {
    Map<String, PushedQuery> pushed = new LinkedHashMap<>();
    try (GatewayProcess gateway = GatewayProcess.start(gatewayOptions(context, "clickhouse", clickHouseModel));
         JdbcClient client = Clients.thinDriver(PushdownSection.GATEWAY, gateway.port())) {
      Map<String, Double> coldPrepares = options.runs(BenchOptions.Section.PLANNING)
          ? PlanningSection.coldRemote(context, client) : Map.of();
      if (options.runs(BenchOptions.Section.PUSHDOWN) || options.runs(BenchOptions.Section.LAKE)) {
        section("capture", () -> pushed.putAll(PushdownCapture.capture(context, gateway, client)));
      }
      if (options.runs(BenchOptions.Section.PUSHDOWN)) {
        section("pushdown", () -> {
          pushdown = PushdownSection.run(context, gateway, client, pushed);
          profile(context, gateway, "pushdown", () -> repeatQueries(context, client));
        });
      }
      if (options.runs(BenchOptions.Section.PLANNING)) {
        section("planning", () -> {
          planning = PlanningSection.run(context, client, coldPrepares, clickHouseModel, lakeModel);
          profile(context, gateway, "planning", () -> repeatPrepares(context, client));
        });
      }
      if (options.runs(BenchOptions.Section.CONCURRENCY)) {
        section("concurrency (clickhouse)", () -> concurrency(context, gateway, "clickhouse"));
      }
      if (options.runs(BenchOptions.Section.FAILOVER)) {
        section("failover", () -> failover = FailoverSection.run(context, gateway));
      }
    } catch (SQLException e) {
      failures.add("the ClickHouse-routed gateway: " + Errors.oneLine(e));
    }
    return pushed;
  }

  /** Lake path and concurrency on the gateway without ClickHouse. */
  private void onLakeGateway(BenchContext context, Path lakeModel, Map<String, PushedQuery> pushed)
      throws IOException {
    try (GatewayProcess gateway = GatewayProcess.start(gatewayOptions(context, "lake", lakeModel));
         JdbcClient client = Clients.thinDriver(LakeSection.GATEWAY, gateway.port())) {
      if (options.runs(BenchOptions.Section.LAKE)) {
        section("lake", () -> {
          lakePath = LakeSection.run(context, gateway, client, pushed);
          profile(context, gateway, "lake", () -> repeatQueries(context, client));
        });
      }
      if (options.runs(BenchOptions.Section.CONCURRENCY)) {
        section("concurrency (lake)", () -> concurrency(context, gateway, "lake"));
      }
    } catch (SQLException e) {
      failures.add("the lake gateway: " + Errors.oneLine(e));
    }
  }

  private void concurrency(BenchContext context, GatewayProcess gateway, String backend) throws Exception {
    concurrency.addAll(ConcurrencySection.run(context, gateway, backend));
    int most = options.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
    profile(context, gateway, "concurrency-" + backend, () -> ConcurrencySection.level(context.unrecorded(), gateway,
        backend, most, PROFILE_CONCURRENCY));
  }

  private void profile(BenchContext context, GatewayProcess gateway, String name, ProfilePass.Work work)
      throws IOException {
    ProfilePass.record(context, gateway, name, work).ifPresent(profiles::add);
  }

  private static void repeatQueries(BenchContext context, JdbcClient client) throws SQLException {
    for (BenchQuery query : context.queries()) {
      for (int i = 0; i < PROFILE_REPEATS; i++) {
        client.query(query.sql());
      }
    }
  }

  private static void repeatPrepares(BenchContext context, JdbcClient client) throws SQLException {
    for (BenchQuery query : context.queries()) {
      for (int i = 0; i < PROFILE_REPEATS * 3; i++) {
        client.prepareNanos(query.sql());
      }
    }
  }

  /** A section's work. */
  @FunctionalInterface
  private interface SectionWork {
    void run() throws Exception;
  }

  /** Runs a section; a failure is logged and reported, and the run goes on. */
  private void section(String name, SectionWork work) {
    long start = System.nanoTime();
    try {
      work.run();
      LOG.info("section {} done in {} s", name, (System.nanoTime() - start) / 1_000_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(name + ": interrupted");
    } catch (Exception e) {
      LOG.error("section {} failed", name, e);
      failures.add(name + ": " + Errors.oneLine(e));
    }
  }

  private GatewayProcess.Options gatewayOptions(BenchContext context, String name, Path model) throws IOException {
    return new GatewayProcess.Options(name, model, options.gatewayClassPath(), options.gatewayHeap(),
        options.gatewayWarmup(), context.logDirectory());
  }

  private static String engineVersion(BenchEngine engine) {
    try (JdbcClient client = Clients.clickHouse("version", engine.jdbcUrl(), BenchEngine.USER, BenchEngine.PASSWORD,
        Map.of())) {
      return client.query("SELECT version()").rows().get(0).get(0);
    } catch (SQLException e) {
      LOG.warn("cannot read ClickHouse's version: {}", Errors.oneLine(e));
      return null;
    }
  }

  private static Output write(BenchContext context, RunResults run, Path results) throws IOException {
    Path csv = results.resolve(ReportWriter.CSV);
    CsvWriter.write(csv, context.measurements());
    Optional<Path> chart = chart(context.measurements(), run.options().scale(), results.resolve(ReportWriter.CHART));
    Path report = results.resolve("report.md");
    Files.writeString(report, ReportWriter.render(run, chart.isPresent()), StandardCharsets.UTF_8);
    LOG.info("wrote {}, {} ({} measurements){}", report, csv, context.measurements().size(),
        chart.map(c -> " and " + c).orElse(""));
    return new Output(report, csv, chart, run);
  }

  /** Draws the ratios of {@code measurements}; empty when there is no ratio to draw. */
  static Optional<Path> chart(List<Measurement> measurements, long scale, Path png) throws IOException {
    List<String> queries = new ArrayList<>();
    Map<String, List<Double>> series = RatioChart.series(measurements, queries);
    if (!RatioChart.drawable(series)) {
      return Optional.empty();
    }
    RatioChart.write(png, "lakegate at " + Fmt.count(scale) + " rows: median time over the reference's", queries,
        series);
    return Optional.of(png);
  }
}
