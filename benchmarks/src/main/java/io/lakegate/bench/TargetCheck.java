package io.lakegate.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Judges a run against issue 5's targets, one line per target: what was measured and whether it is met. */
final class TargetCheck {
  static final double PUSHDOWN_RATIO = 1.2;
  static final double PLANNING_MS = 10;
  static final double LAKE_RATIO = 3;
  static final double LAKE_MAX_RATIO = 10;
  static final double KILL_MS = 1000;
  static final double HANG_MS = 2000;
  static final int CLIENTS = 64;

  private TargetCheck() {
  }

  /**
   * One target.
   *
   * @param met true, false, or null when the run did not measure it
   */
  record Target(String target, String measured, Boolean met) {
    String verdict() {
      return met == null ? "not measured" : met ? "met" : "**missed**";
    }
  }

  static List<Target> check(RunResults run) {
    List<Target> targets = new ArrayList<>();
    PushdownSection.Result pushdown = run.pushdown();
    if (pushdown != null) {
      double ratio = pushdown.geometricMeanRatio();
      double max = Ratios.max(pushdown.rows().stream().map(PushdownSection.Row::ratio).toList());
      targets.add(new Target("Pushdown: median through lakegate ≤ " + PUSHDOWN_RATIO + "× direct clickhouse-jdbc",
          Fmt.ratio(ratio) + " (geometric mean of per-query median ratios; worst query " + Fmt.ratio(max)
              + ", corpus total " + Fmt.ratio(pushdown.totalRatio()) + ")", judge(ratio <= PUSHDOWN_RATIO, ratio)));
    } else {
      targets.add(new Target("Pushdown: median through lakegate ≤ 1.2× direct clickhouse-jdbc", Fmt.NONE, null));
    }
    PlanningSection.Result planning = run.planning();
    if (planning != null) {
      double warm = planning.cachedMedianMs();
      targets.add(new Target("Warm planning median ≤ " + (int) PLANNING_MS + " ms",
          Fmt.ms(warm) + " ms in the gateway's prepare, answered by its plan cache (median of per-query medians); "
              + Fmt.ms(planning.remoteWarmMedianMs()) + " ms as a prepare round trip through the thin driver; "
              + "planning a statement the cache does not hold: " + Fmt.ms(planning.uncachedMedianMs()) + " ms",
          judge(warm <= PLANNING_MS, warm)));
    } else {
      targets.add(new Target("Warm planning median ≤ 10 ms", Fmt.NONE, null));
    }
    LakeSection.Result lake = run.lakePath();
    if (lake != null) {
      double ratio = lake.duckDbGeometricMean();
      double max = lake.duckDbMax();
      String worst = lake.rows().stream().filter(r -> r.duckDbRatio() == max).map(r -> r.query().name()).findFirst()
          .orElse(Fmt.NONE);
      targets.add(new Target("Lake path: median ≤ " + (int) LAKE_RATIO + "× DuckDB over the corpus",
          Fmt.ratio(ratio) + " (geometric mean of per-query median ratios)", judge(ratio <= LAKE_RATIO, ratio)));
      targets.add(new Target("Lake path: never worse than " + (int) LAKE_MAX_RATIO + "× DuckDB on a query",
          "worst " + Fmt.ratio(max) + " (" + worst + "); "
              + lake.rows().stream().filter(r -> r.duckDbRatio() > LAKE_MAX_RATIO).count() + " queries above",
          judge(max <= LAKE_MAX_RATIO, max)));
      targets.add(selective(run, lake));
    } else {
      targets.add(new Target("Lake path: median ≤ 3× DuckDB; never worse than 10×", Fmt.NONE, null));
    }
    FailoverSection.Result failover = run.failover();
    if (failover != null && !failover.events().isEmpty()) {
      targets.add(failover(failover.of("kill"), "Failover: first correct answer ≤ 1 s after the engine is killed",
          KILL_MS));
      targets.add(failover(failover.of("hang"), "Failover: first correct answer ≤ 2 s after the engine hangs "
          + "(SIGSTOP)", HANG_MS));
      targets.add(trafficBack(failover.events(), run.probeIntervalMs()));
    } else {
      targets.add(new Target("Failover: ≤ 1 s after a kill, ≤ 2 s after a hang", Fmt.NONE, null));
    }
    targets.add(concurrency(run));
    return targets;
  }

  private static Target selective(RunResults run, LakeSection.Result lake) {
    List<String> facts = new ArrayList<>();
    boolean met = true;
    boolean any = false;
    for (LakeSection.Row row : lake.rows()) {
      if (row.query().partitions() < 0) {
        continue;
      }
      any = true;
      long allowed = (long) row.query().partitions() * run.maxFilesPerPartition();
      boolean ok = row.io().files() >= 0 && row.io().files() <= allowed;
      met &= ok;
      facts.add(String.format(Locale.ROOT, "%s %s/%d files", row.query().name(), Fmt.count(row.io().files()),
          allowed));
    }
    return new Target("Lake path: selective queries read only the partitions and row groups they need",
        any ? String.join("; ", facts) : Fmt.NONE, any ? met : null);
  }

  private static Target failover(List<FailoverSection.Event> events, String target, double limitMs) {
    List<Double> times = events.stream().map(FailoverSection.Event::toLakeMs).toList();
    double worst = Ratios.max(times);
    long wrong = events.stream().mapToLong(FailoverSection.Event::wrong).sum();
    long errors = events.stream().mapToLong(FailoverSection.Event::errors).sum();
    String measured = "worst " + Fmt.ms(worst) + " ms, median "
        + Fmt.ms(Stats.of(times.stream().filter(v -> !v.isNaN()).toList()).median()) + " ms over " + times.size()
        + " outages; " + errors + " errors and " + wrong + " wrong answers seen by the client";
    boolean ok = times.stream().noneMatch(v -> v.isNaN()) && worst <= limitMs && wrong == 0;
    return new Target(target, measured, events.isEmpty() ? null : ok);
  }

  /**
   * Traffic back: from the engine answering again to the moment the first query answered by ClickHouse was
   * sent (the gateway routed it there), judged against the probe interval; shown beside it, the breaker closing
   * as {@code /health} saw it and that query's answer (what the target meant before it was made precise).
   */
  private static Target trafficBack(List<FailoverSection.Event> events, int probeIntervalMs) {
    List<Double> sent = events.stream().map(FailoverSection.Event::sentMs).toList();
    List<Double> routed = events.stream().map(FailoverSection.Event::routedMs).toList();
    List<Double> answered = events.stream().map(FailoverSection.Event::backMs).toList();
    double worst = Ratios.max(sent);
    String measured = "first query answered by ClickHouse sent: worst " + Fmt.ms(worst) + " ms, median "
        + Fmt.ms(median(sent)) + " ms after the engine answered again; breaker closed (/health): worst "
        + Fmt.ms(Ratios.max(routed)) + " ms, median " + Fmt.ms(median(routed)) + " ms; that query answered: worst "
        + Fmt.ms(Ratios.max(answered)) + " ms, median " + Fmt.ms(median(answered)) + " ms";
    return new Target("Failover: traffic back on ClickHouse within the probe interval (" + probeIntervalMs + " ms)",
        measured, sent.stream().anyMatch(v -> v.isNaN()) ? Boolean.FALSE : judge(worst <= probeIntervalMs, worst));
  }

  private static double median(List<Double> values) {
    return Stats.of(values.stream().filter(v -> !v.isNaN()).toList()).median();
  }

  private static Target concurrency(RunResults run) {
    List<ConcurrencySection.Level> at64 = run.concurrency().stream().filter(l -> l.clients() == CLIENTS).toList();
    if (at64.isEmpty()) {
      return new Target("Concurrency: 64 clients, 0 errors, gateway within -Xmx1g", Fmt.NONE, null);
    }
    List<String> facts = new ArrayList<>();
    boolean met = true;
    for (ConcurrencySection.Level level : at64) {
      facts.add(String.format(Locale.ROOT, "%s path: %d errors in %d queries, live heap ≤ %s MB of %s",
          level.backend(), level.errors(), level.ok() + level.errors(),
          level.gc().liveMb() < 0 ? Fmt.NONE : Long.toString(level.gc().liveMb()), run.options().gatewayHeap()));
      met &= level.errors() == 0 && level.ok() > 0;
    }
    // The heap at every level, not only at 64: a lower level can come closer to the limit.
    run.concurrency().stream().max(Comparator.comparingLong(l -> l.gc().liveMb()))
        .filter(l -> l.gc().liveMb() >= 0)
        .ifPresent(l -> facts.add(String.format(Locale.ROOT, "most live heap at any level: %d MB (%s path, %d clients%s)",
            l.gc().liveMb(), l.backend(), l.clients(),
            l.gc().fullPauses() > 0 ? ", " + l.gc().fullPauses() + " full GC, longest pause "
                + Fmt.decimal(l.gc().maxMs(), 0) + " ms" : "")));
    return new Target("Concurrency: 64 clients, 0 errors, gateway within -Xmx" + run.options().gatewayHeap(),
        String.join("; ", facts), met);
  }

  /** Met when the condition holds; not measured when the value is missing. */
  private static Boolean judge(boolean condition, double value) {
    return Double.isNaN(value) ? null : condition;
  }
}
