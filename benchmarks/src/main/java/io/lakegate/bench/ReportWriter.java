package io.lakegate.bench;

import io.lakegate.generator.TableSummary;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Renders a run as BENCHMARKS.md-ready markdown: setup, targets, one table per section, profiles. */
final class ReportWriter {
  static final String CHART = "ratios.png";
  static final String CSV = "measurements.csv";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private ReportWriter() {
  }

  static String render(RunResults run, boolean chartWritten) {
    StringBuilder md = new StringBuilder();
    BenchOptions options = run.options();
    md.append("# lakegate benchmarks: ").append(Fmt.count(options.scale())).append(" rows\n\n");
    setup(md, run);
    if (!run.failures().isEmpty()) {
      md.append("**Incomplete run**:\n\n");
      run.failures().forEach(f -> md.append("- ").append(MarkdownTable.escape(f)).append('\n'));
      md.append('\n');
    }
    md.append("## Targets\n\n");
    MarkdownTable targets = MarkdownTable.of("target", "measured", "verdict");
    TargetCheck.check(run).forEach(t -> targets.row(t.target(), t.measured(), t.verdict()));
    md.append(targets.render()).append('\n');
    if (chartWritten) {
      md.append("![lakegate median over each reference's median, per query (log scale)](").append(CHART)
          .append(")\n\n");
    }
    if (run.pushdown() != null) {
      pushdown(md, run.pushdown());
    }
    if (run.planning() != null) {
      planning(md, run.planning());
    }
    if (run.lakePath() != null) {
      lake(md, run, run.lakePath());
    }
    if (!run.concurrency().isEmpty()) {
      concurrency(md, run);
    }
    if (run.failover() != null) {
      failover(md, run);
    }
    if (!run.profiles().isEmpty()) {
      profiles(md, run.profiles());
    }
    md.append("## Files\n\n")
        .append("Every timed run is a row of `").append(CSV).append("` (section, query, subject, phase, repetition, ms,")
        .append(" rows, ok, error); the gateways' logs and GC logs are under `logs/`")
        .append(options.jfr() ? ", the JFR recordings and their summaries under `profiles/`" : "").append(".\n");
    return md.toString();
  }

  private static void setup(StringBuilder md, RunResults run) {
    BenchOptions options = run.options();
    MachineInfo machine = run.machine();
    md.append("- **Command**: `").append(options.command()).append("`\n");
    md.append("- **When**: ").append(DATE.format(run.started())).append(", ")
        .append(run.elapsed().toMinutes()).append(" min ").append(run.elapsed().toSecondsPart()).append(" s\n");
    md.append("- **Machine**: ").append(machine.cpu()).append(", ").append(machine.cpus()).append(" logical CPUs, ")
        .append(Fmt.count(machine.memTotalMb())).append(" MiB memory (").append(Fmt.count(machine.memAvailableMb()))
        .append(" MiB available at start), load average ").append(machine.loadAverage()).append(" at start and ")
        .append(run.loadAtEnd()).append(" at the end (the machine is shared: every figure that matters is a ratio")
        .append(" taken in this run); ").append(machine.os()).append("; Java ").append(machine.java()).append('\n');
    TableSummary total = run.lake().manifest().tables().values().stream()
        .reduce(new TableSummary(0, 0, 0, 0), (a, b) -> new TableSummary(a.rows() + b.rows(), a.files() + b.files(),
            a.rowGroups() + b.rowGroups(), a.bytes() + b.bytes()));
    md.append("- **Lake**: generated (seed ").append(run.lake().manifest().seed()).append(", ")
        .append(run.lake().manifest().compression()).append("), ").append(Fmt.count(total.rows())).append(" rows in ")
        .append(Fmt.count(total.files())).append(" files, ").append(Fmt.count(total.rowGroups()))
        .append(" row groups, ").append(Fmt.bytes(total.bytes())).append(": ");
    StringBuilder tables = new StringBuilder();
    run.lake().manifest().tables().forEach((name, t) -> tables.append(tables.length() == 0 ? "" : ", ").append('`')
        .append(name).append("` ").append(Fmt.count(t.rows())).append(" rows / ").append(Fmt.count(t.files()))
        .append(" files"));
    md.append(tables).append('\n');
    md.append("- **lakegate**: the gateway in its own JVM (`LakegateMain serve`, ").append(GatewayProcess.jvmSummary(
        options.gatewayHeap())).append(", warm-up ").append(options.gatewayWarmup() ? "on" : "off")
        .append("), the project's model.json with the lake root, the engine and a query timeout of ")
        .append(ModelFiles.QUERY_TIMEOUT_MS / 1000).append(" s (the project's is 5 s) filled in; clients use the")
        .append(" shaded thin driver (Protobuf), one statement per query, every value read\n");
    md.append("- **References**: ClickHouse ").append(run.engineVersion() == null ? "26.5" : run.engineVersion())
        .append(" (the chDB engine behind the ClickHouse test engine's HTTP interface, ").append(BenchEngine.THREADS)
        .append(" request threads, the project's `ddl/nfs` File(Parquet) tables) through clickhouse-jdbc with the")
        .append(" gateway's own user, settings and statements; DuckDB ")
        .append(run.lakePath() == null ? "" : run.lakePath().duckDbVersion())
        .append(" in the harness JVM (`read_parquet`, Hive partitioning, default settings)\n");
    md.append("- **Method**: per query, ").append(options.warmups()).append(" warm-up and ").append(options.reps())
        .append(" timed runs on each subject, interleaved (A, B, A, B, …); median, and p99 by nearest rank (with")
        .append(" fewer than 100 runs, p99 is the slowest); a ratio is lakegate's median over the reference's,")
        .append(" and the corpus figure is the geometric mean of the per-query ratios\n\n");
  }

  private static void pushdown(StringBuilder md, PushdownSection.Result result) {
    md.append("## 1. Pushdown overhead (ClickHouse path)\n\n")
        .append("The thin driver through the gateway to ClickHouse, against the statements the gateway sent")
        .append(" (from the engine's statement log) replayed with clickhouse-jdbc on the same engine. ms.\n\n");
    MarkdownTable table = MarkdownTable.of("query", "kind", ">lakegate p50", ">p99", ">clickhouse-jdbc p50", ">p99",
        ">ratio", ">CH statements", ">rows");
    for (PushdownSection.Row row : result.rows()) {
      table.row(row.query().name(), row.query().kind(), p50(row.gateway()), p99(row.gateway()), p50(row.direct()),
          p99(row.direct()), Fmt.ratio(row.ratio()), pushedNote(row.pushed()), rows(row.gateway()));
    }
    md.append(table.render()).append('\n');
    md.append("Corpus: ").append(Fmt.ratio(result.geometricMeanRatio())).append(" (geometric mean), ")
        .append(Fmt.ratio(result.totalRatio())).append(" on the sum of medians. Statements answered from the lake")
        .append(" during the section: ").append(result.lakeAnswers()).append(".\n\n");
    errors(md, result.rows().stream().flatMap(r -> Stream.of(r.gateway(), r.direct())).toList());
  }

  private static String pushedNote(PushedQuery pushed) {
    if (pushed == null) {
      return Fmt.NONE;
    }
    if (!"clickhouse".equals(pushed.backend())) {
      return "answered by " + pushed.backend();
    }
    return Integer.toString(pushed.statements().size());
  }

  private static void planning(StringBuilder md, PlanningSection.Result result) {
    md.append("## 1b. Planning time\n\n")
        .append("Prepare only, no execution. *Remote*: the thin driver's prepare round trip to the gateway JVM")
        .append(" (cold: the statement's first prepare since the gateway started, after its warm-up; warm: the")
        .append(" same text again, answered by the gateway's plan cache). *In-process*: the gateway's own")
        .append(" `LakegateMeta.prepare` in the harness JVM; *cached*: with the plan cache as the gateway runs it")
        .append(" (cold: the statement's first prepare, a miss; the first query of the corpus also pays for loading")
        .append(" Calcite; warm: hits); *uncached*: with the cache off, i.e. what planning a statement the gateway")
        .append(" has not seen costs once Calcite is warm, split at Calcite's hooks: parse (guardrail check +")
        .append(" parse), validate (+ conversion), optimize (trim, guardrail rewrite, Volcano), implement (Java")
        .append(" source, with the ClickHouse SQL), compile (Janino). ms.\n\n");
    MarkdownTable table = MarkdownTable.of("query", ">remote cold", ">remote warm p50", ">in-process cold",
        ">cached p50", ">cached p99", ">uncached p50", ">p99", ">parse", ">validate", ">optimize", ">implement",
        ">compile", ">lake plan p50");
    for (PlanningSection.Row row : result.rows()) {
      Map<String, Stats> phases = row.phases();
      table.row(row.query().name(), Fmt.ms(row.remoteColdMs()), p50(row.remote()), Fmt.ms(row.coldMs()),
          Fmt.ms(row.cached().median()), Fmt.ms(row.cached().p99()), Fmt.ms(row.total().median()),
          Fmt.ms(row.total().p99()), median(phases, "parse"), median(phases, "validate"), median(phases, "optimize"),
          median(phases, "implement"), median(phases, "compile"), Fmt.ms(row.lake().median()));
    }
    md.append(table.render()).append('\n');
    md.append("Median over the corpus: in-process cached ").append(Fmt.ms(result.cachedMedianMs()))
        .append(" ms, uncached ").append(Fmt.ms(result.uncachedMedianMs()))
        .append(" ms; remote warm ").append(Fmt.ms(result.remoteWarmMedianMs())).append(" ms; remote cold ")
        .append(Fmt.ms(result.remoteColdMedianMs())).append(" ms.\n\n");
    List<String> failed = result.rows().stream().filter(r -> r.error() != null)
        .map(r -> r.query().name() + ": " + r.error()).toList();
    if (!failed.isEmpty()) {
      md.append("Errors:\n\n");
      failed.forEach(f -> md.append("- ").append(MarkdownTable.escape(f)).append('\n'));
      md.append('\n');
    }
  }

  private static String median(Map<String, Stats> phases, String phase) {
    Stats stats = phases.get(phase);
    return stats == null ? Fmt.NONE : Fmt.ms(stats.median());
  }

  private static void lake(StringBuilder md, RunResults run, LakeSection.Result result) {
    md.append("## 2. Lake path\n\n")
        .append("A second gateway JVM with no ClickHouse in its model (every query read from parquet in the")
        .append(" gateway), against DuckDB and against ClickHouse reading the same files through `ddl/nfs`")
        .append(" (the statements of section 1). ms. What lakegate read comes from one more, untimed run: files")
        .append(" opened and row groups read / considered (its query log), partitions pruned and column chunks")
        .append(" decoded (`/metrics`), bytes read by the gateway process (`/proc/<pid>/io` rchar); ClickHouse's")
        .append(" rows read are its own counters for the same query.\n\n");
    MarkdownTable table = MarkdownTable.of("query", "kind", ">lakegate p50", ">p99", ">DuckDB p50", ">p99",
        ">ClickHouse p50", ">p99", ">÷DuckDB", ">÷ClickHouse", ">files", ">row groups", ">pruned", ">chunks",
        ">bytes read", ">CH rows read", "rows", "check");
    for (LakeSection.Row row : result.rows()) {
      LakeSection.Io io = row.io();
      String rowGroups = io.rowGroupsRead() < 0 ? Fmt.NONE : io.rowGroupsRead() + "/" + io.rowGroupsConsidered();
      table.row(row.query().name(), row.query().kind(), p50(row.lake()), p99(row.lake()), p50(row.duckDb()),
          p99(row.duckDb()), p50(row.clickHouse()), p99(row.clickHouse()), Fmt.ratio(row.duckDbRatio()),
          Fmt.ratio(row.clickHouseRatio()), Fmt.count(io.files()), rowGroups, Fmt.count(io.partitionsPruned()),
          Fmt.count(io.columnChunks()), Fmt.bytes(io.bytesRead()), Fmt.count(io.clickHouseReadRows()),
          rows(row.lake()) + " / " + rows(row.duckDb()) + " / " + rows(row.clickHouse()), check(row));
    }
    md.append(table.render()).append('\n');
    md.append("Corpus: ").append(Fmt.ratio(result.duckDbGeometricMean())).append(" DuckDB's time (worst ")
        .append(Fmt.ratio(result.duckDbMax())).append("), ").append(Fmt.ratio(result.clickHouseGeometricMean()))
        .append(" ClickHouse's. Rows are lakegate / DuckDB / ClickHouse; *check* is `ok` when the three row counts")
        .append(" agree and the lake path's rows equal the ClickHouse path's (section 1) — ")
        .append(result.mismatches()).append(" mismatch(es).\n\n");
    errors(md, result.rows().stream().flatMap(r -> Stream.of(r.lake(), r.duckDb(), r.clickHouse()))
        .toList());
  }

  private static String check(LakeSection.Row row) {
    if (!row.rowCountsAgree()) {
      return "**row counts differ**";
    }
    if (Boolean.FALSE.equals(row.sameRowsAsClickHousePath())) {
      return "**rows differ from the ClickHouse path**";
    }
    return "ok";
  }

  private static void concurrency(StringBuilder md, RunResults run) {
    md.append("## 3. Concurrency\n\n")
        .append("N thin-driver clients, each on its own connection, run the mixed workload (the corpus's")
        .append(" queries marked mixed) back to back for ").append(run.options().durationSeconds())
        .append(" s per level (the driver's HTTP pool per gateway is raised from Avatica's 25 to ")
        .append(Clients.HTTP_CONNECTIONS_PER_GATEWAY).append(" so that N clients in one JVM are N requests at once;")
        .append(" a query still running at the end is waited for and counted)")
        .append(". Latency in ms; heap from the gateway's GC log during the level (peak before a")
        .append(" collection, live after one, committed) and `jcmd GC.heap_info` at its end; threads and RSS of")
        .append(" the gateway process, sampled every 250 ms.\n\n");
    MarkdownTable table = MarkdownTable.of("path", ">clients", ">queries", ">q/s", ">p50", ">p99", ">errors",
        ">answered CH / lake", ">GC pauses (ms total, max)", ">heap peak / live / committed MB",
        ">heap used at end MB", ">threads", ">RSS MB");
    for (ConcurrencySection.Level level : run.concurrency()) {
      GcLog.Summary gc = level.gc();
      table.row(level.backend(), level.clients(), Fmt.count(level.ok() + level.errors()),
          Fmt.decimal(level.throughput(), 1), Fmt.ms(level.latency().median()), Fmt.ms(level.latency().p99()),
          level.errors(), level.answeredByClickHouse() + " / " + level.answeredByLake(),
          gc.pauses() + " (" + Fmt.decimal(gc.totalMs(), 0) + ", " + Fmt.decimal(gc.maxMs(), 0) + ")"
              + (gc.fullPauses() > 0 ? ", " + gc.fullPauses() + " full" : ""),
          Fmt.count(gc.peakMb()) + " / " + Fmt.count(gc.liveMb()) + " / " + Fmt.count(gc.committedMb()),
          Fmt.count(level.heapUsedMb()), level.maxThreads(), Fmt.count(level.maxRssMb()));
    }
    md.append(table.render()).append('\n');
    List<String> samples = run.concurrency().stream().filter(l -> !l.errorSamples().isEmpty())
        .flatMap(l -> l.errorSamples().stream().map(e -> l.backend() + "@" + l.clients() + ": " + e)).toList();
    if (!samples.isEmpty()) {
      md.append("Errors (first of each kind):\n\n");
      samples.forEach(s -> md.append("- ").append(MarkdownTable.escape(s)).append('\n'));
      md.append('\n');
    }
  }

  private static void failover(StringBuilder md, RunResults run) {
    FailoverSection.Result result = run.failover();
    md.append("## 4. Failover\n\n")
        .append("An agent loops `").append(FailoverSection.QUERY).append("` over Avatica JSON on the ClickHouse-routed")
        .append(" gateway (model.json's failover settings: probe every ").append(run.probeIntervalMs())
        .append(" ms); the backend of each answer is its `X-Lakegate-Backend` header. *To lake*: from SIGKILL or")
        .append(" SIGSTOP to the first correct answer from the lake. From the engine answering again (restart done,")
        .append(" or SIGCONT): *breaker closed*, to `/health` first saying `\"backend\":\"clickhouse\"` (polled every")
        .append(" 5 ms); *traffic back*, to the moment the first query that ClickHouse answered was sent (the client")
        .append(" runs one query at a time, so this includes the rest of the query it had running on the lake when")
        .append(" the breaker closed); *answered*, to that query's answer. ms.\n\n");
    MarkdownTable table = MarkdownTable.of("outage", ">repetition", ">to lake", ">breaker closed", ">traffic back",
        ">answered", ">engine restart", ">answers", ">errors", ">wrong");
    for (FailoverSection.Event event : result.events()) {
      table.row(event.kind().equals("kill") ? "SIGKILL, restart" : "SIGSTOP, SIGCONT", event.rep(),
          Fmt.ms(event.toLakeMs()), Fmt.ms(event.routedMs()), Fmt.ms(event.sentMs()), Fmt.ms(event.backMs()),
          event.kind().equals("kill") ? Fmt.ms(event.engineBackMs()) : Fmt.NONE, event.answers(), event.errors(),
          event.wrong());
    }
    md.append(table.render()).append('\n');
    if (!result.errorSamples().isEmpty()) {
      md.append("Errors the client saw:\n\n");
      result.errorSamples().forEach(s -> md.append("- ").append(MarkdownTable.escape(s)).append('\n'));
      md.append('\n');
    }
  }

  private static void profiles(StringBuilder md, List<ProfilePass.Profile> profiles) {
    md.append("## Profiles (JFR, untimed extra pass)\n\n")
        .append("`settings=profile` recordings of the gateway JVM, one per section; the share of CPU samples by")
        .append(" package of the top frame, and the application methods most often on the stack.\n\n");
    for (ProfilePass.Profile profile : profiles) {
      md.append("**").append(profile.name()).append("** (").append(profile.summary().samples())
          .append(" samples, `profiles/").append(profile.recording().getFileName()).append("`)\n\n");
      md.append("- top-frame packages: ").append(shares(profile.summary().packages(), 8)).append('\n');
      md.append("- on the stack: ").append(shares(profile.summary().inclusive(), 10)).append("\n\n");
    }
  }

  private static String shares(Map<String, Double> shares, int limit) {
    StringBuilder out = new StringBuilder();
    shares.entrySet().stream().limit(limit).forEach(e -> out.append(out.length() == 0 ? "" : ", ").append('`')
        .append(e.getKey()).append("` ").append(Fmt.decimal(e.getValue(), 1)).append('%'));
    return out.length() == 0 ? Fmt.NONE : out.toString();
  }

  private static void errors(StringBuilder md, List<Repeater.Outcome> outcomes) {
    List<String> failed = outcomes.stream().filter(o -> o != null && !o.ok())
        .map(o -> o.subject() + ": " + o.error()).distinct().toList();
    if (!failed.isEmpty()) {
      md.append("Errors:\n\n");
      failed.forEach(f -> md.append("- ").append(MarkdownTable.escape(f)).append('\n'));
      md.append('\n');
    }
  }

  private static String p50(Repeater.Outcome outcome) {
    return outcome == null ? Fmt.NONE : outcome.ok() ? Fmt.ms(outcome.stats().median()) : "error";
  }

  private static String p99(Repeater.Outcome outcome) {
    return outcome == null || !outcome.ok() ? Fmt.NONE : Fmt.ms(outcome.stats().p99());
  }

  private static String rows(Repeater.Outcome outcome) {
    return outcome == null || outcome.rows() < 0 ? Fmt.NONE : Long.toString(outcome.rows());
  }
}
