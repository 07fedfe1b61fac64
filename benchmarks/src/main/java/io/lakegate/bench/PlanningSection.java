package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.Backend;
import io.lakegate.lake.LakeSchema;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planning time alone (parse, check, validate, rewrite, optimize, generate the SQL and the code, compile),
 * no execution: measured from outside as the thin driver's prepare round trip to the gateway JVM (cold:
 * the first prepare of the statement since the gateway started; warm: repeated, so answered from the
 * gateway's plan cache), and in this JVM on the gateway's own {@code LakegateMeta}: with its plan cache
 * (cold: the miss, warm: hits) and without it, split into phases, for the ClickHouse plan and the lake plan.
 */
final class PlanningSection {
  static final String SECTION = "planning";
  static final String REMOTE = "lakegate-prepare";
  static final String IN_PROCESS = "inprocess-clickhouse";
  static final String IN_PROCESS_CACHED = "inprocess-clickhouse-cached";
  static final String IN_PROCESS_LAKE = "inprocess-lake";
  private static final Logger LOG = LoggerFactory.getLogger(PlanningSection.class);
  /** The gateway's default plan cache, as {@code lakegate serve} runs it. */
  private static final int PLAN_CACHE_SIZE = 1000;

  private PlanningSection() {
  }

  /**
   * One query's planning times, in milliseconds.
   *
   * @param remoteColdMs the first prepare through the thin driver since the gateway started (NaN if failed)
   * @param remote repeated prepares through the thin driver
   * @param coldMs the first in-process prepare of the statement (ClickHouse plan)
   * @param cached in-process prepares of the ClickHouse plan answered by the plan cache
   * @param phases in-process prepares of the ClickHouse plan with the cache off: total and per phase
   * @param lakeColdMs the first in-process prepare of the lake plan
   * @param lake in-process prepares of the lake plan with the cache off
   * @param error the first error, null when none
   */
  record Row(BenchQuery query, double remoteColdMs, Repeater.Outcome remote, double coldMs, Stats cached,
      Map<String, Stats> phases, double lakeColdMs, Stats lake, String error) {
    Stats total() {
      return phases.getOrDefault("total", Stats.of(List.of()));
    }
  }

  /** The section's result. */
  record Result(List<Row> rows) {
    /** The median over the corpus of each query's in-process median with the plan cache off (ClickHouse plan). */
    double uncachedMedianMs() {
      return Stats.of(rows.stream().filter(r -> !r.total().isEmpty()).map(r -> r.total().median()).toList()).median();
    }

    /** The median over the corpus of each query's in-process median answered by the plan cache. */
    double cachedMedianMs() {
      return Stats.of(rows.stream().filter(r -> !r.cached().isEmpty()).map(r -> r.cached().median()).toList())
          .median();
    }

    /** The median over the corpus of each query's warm prepare round trip through the thin driver. */
    double remoteWarmMedianMs() {
      return Stats.of(rows.stream().filter(r -> r.remote() != null && !r.remote().stats().isEmpty())
          .map(r -> r.remote().stats().median()).toList()).median();
    }

    double remoteColdMedianMs() {
      return Stats.of(rows.stream().map(Row::remoteColdMs).filter(v -> !v.isNaN()).toList()).median();
    }
  }

  /** The first prepare of every query through the thin driver, right after the gateway started. */
  static Map<String, Double> coldRemote(BenchContext context, JdbcClient client) {
    Map<String, Double> cold = new LinkedHashMap<>();
    for (BenchQuery query : context.queries()) {
      try {
        double millis = client.prepareNanos(query.sql()) / 1e6;
        cold.put(query.name(), millis);
        context.record(new Measurement(SECTION, query.name(), REMOTE + "-cold", Measurement.MEASURE, 1, millis, -1,
            true, ""));
      } catch (SQLException e) {
        cold.put(query.name(), Double.NaN);
        context.record(new Measurement(SECTION, query.name(), REMOTE + "-cold", Measurement.MEASURE, 1, Double.NaN,
            -1, false, Errors.oneLine(e)));
      }
    }
    return cold;
  }

  static Result run(BenchContext context, JdbcClient client, Map<String, Double> coldRemote, Path clickHouseModel,
      Path lakeModel) throws SQLException {
    requireNonNull(coldRemote, "coldRemote");
    List<Row> rows = new ArrayList<>();
    int warmups = context.options().warmups();
    int reps = context.options().reps();
    Map<String, Repeater.Outcome> remote = new LinkedHashMap<>();
    for (BenchQuery query : context.queries()) {
      remote.put(query.name(), Repeater.run(SECTION, query.name(), List.of(new Repeater.Subject(REMOTE,
          () -> new Repeater.Sample(client.prepareNanos(query.sql()) / 1e6, null))), warmups, reps,
          context::record).get(REMOTE));
    }
    // Both models declare the same lake: its footers are read once.
    LakeSchema lakeSchema = InProcessPlanner.openLake(lakeModel);
    Map<String, InProcess> cached;
    try (InProcessPlanner planner = InProcessPlanner.open(clickHouseModel, lakeSchema, Backend.CLICKHOUSE,
        PLAN_CACHE_SIZE)) {
      cached = inProcess(context, planner, IN_PROCESS_CACHED, warmups, reps);
    }
    Map<String, InProcess> clickHouse;
    try (InProcessPlanner planner = InProcessPlanner.open(clickHouseModel, lakeSchema, Backend.CLICKHOUSE, 0)) {
      clickHouse = inProcess(context, planner, IN_PROCESS, warmups, reps);
    }
    Map<String, InProcess> lake;
    try (InProcessPlanner planner = InProcessPlanner.open(lakeModel, lakeSchema, Backend.LAKE, 0)) {
      lake = inProcess(context, planner, IN_PROCESS_LAKE, warmups, reps);
    }
    for (BenchQuery query : context.queries()) {
      InProcess hit = cached.get(query.name());
      InProcess ch = clickHouse.get(query.name());
      InProcess lk = lake.get(query.name());
      String error = hit.error() != null ? hit.error() : ch.error() != null ? ch.error() : lk.error();
      rows.add(new Row(query, coldRemote.getOrDefault(query.name(), Double.NaN), remote.get(query.name()),
          hit.coldMs(), hit.phases().getOrDefault("total", Stats.of(List.of())), ch.phases(), lk.coldMs(),
          lk.phases().getOrDefault("total", Stats.of(List.of())), error));
    }
    return new Result(rows);
  }

  /** One query's in-process prepares on one planner. */
  private record InProcess(double coldMs, Map<String, Stats> phases, String error) {
  }

  private static Map<String, InProcess> inProcess(BenchContext context, InProcessPlanner planner, String subject,
      int warmups, int reps) {
    Map<String, InProcess> results = new LinkedHashMap<>();
    for (BenchQuery query : context.queries()) {
      LOG.info("planning ({}): {}", subject, query.name());
      double cold = Double.NaN;
      List<InProcessPlanner.PhaseTimes> warm = new ArrayList<>();
      String error = null;
      int offRoute = 0;
      try {
        cold = planner.prepare(query.sql()).total();
        context.record(new Measurement(SECTION, query.name(), subject + "-cold", Measurement.MEASURE, 1, cold, -1,
            true, ""));
        for (int i = 0; i < warmups + reps; i++) {
          InProcessPlanner.PhaseTimes times = planner.prepare(query.sql());
          boolean measured = i >= warmups;
          int rep = measured ? i - warmups + 1 : i + 1;
          String phase = measured ? Measurement.MEASURE : Measurement.WARMUP;
          if (!times.planned()) {
            offRoute++;
            context.record(new Measurement(SECTION, query.name(), subject, phase, rep, times.total(), -1, false,
                "planned for the other backend (the breaker moved statements meanwhile); left out"));
            continue;
          }
          record(context, query, subject, phase, rep, times);
          if (measured) {
            warm.add(times);
          }
        }
      } catch (RuntimeException e) {
        error = Errors.oneLine(e);
        LOG.warn("planning ({}): {} failed: {}", subject, query.name(), error);
        context.record(new Measurement(SECTION, query.name(), subject, Measurement.MEASURE, 0, Double.NaN, -1, false,
            error));
      }
      Map<String, Stats> phases = new LinkedHashMap<>();
      phases.put("total", stats(warm, InProcessPlanner.PhaseTimes::total));
      phases.put("parse", stats(warm, InProcessPlanner.PhaseTimes::parse));
      phases.put("validate", stats(warm, InProcessPlanner.PhaseTimes::validate));
      phases.put("optimize", stats(warm, InProcessPlanner.PhaseTimes::optimize));
      phases.put("implement", stats(warm, InProcessPlanner.PhaseTimes::implement));
      phases.put("compile", stats(warm, InProcessPlanner.PhaseTimes::compile));
      if (offRoute > 0) {
        LOG.warn("planning ({}): {}: {} prepare(s) planned for the other backend were left out", subject,
            query.name(), offRoute);
      }
      results.put(query.name(), new InProcess(cold, phases, error));
    }
    return results;
  }

  private static void record(BenchContext context, BenchQuery query, String subject, String phase, int rep,
      InProcessPlanner.PhaseTimes times) {
    context.record(new Measurement(SECTION, query.name(), subject, phase, rep, times.total(), -1, true, ""));
    context.record(new Measurement(SECTION, query.name(), subject + ":parse", phase, rep, times.parse(), -1, true, ""));
    context.record(new Measurement(SECTION, query.name(), subject + ":validate", phase, rep, times.validate(), -1,
        true, ""));
    context.record(new Measurement(SECTION, query.name(), subject + ":optimize", phase, rep, times.optimize(), -1,
        true, ""));
    context.record(new Measurement(SECTION, query.name(), subject + ":implement", phase, rep, times.implement(), -1,
        true, ""));
    context.record(new Measurement(SECTION, query.name(), subject + ":compile", phase, rep, times.compile(), -1,
        true, ""));
  }

  private static Stats stats(List<InProcessPlanner.PhaseTimes> times, ToDoubleFunction<InProcessPlanner.PhaseTimes> f) {
    return Stats.of(times.stream().map(t -> f.applyAsDouble(t)).toList());
  }
}
