package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The immutable configuration of one benchmark run, parsed once from {@code bin/bench}'s arguments.
 *
 * @param scale approximate total rows of the generated lake
 * @param out output directory (the cached lakes and one result directory per scale)
 * @param repo the repository root (model.json, ddl/nfs)
 * @param quick fewer repetitions and shorter concurrency levels, for a first look
 * @param warmups untimed runs of each query on each subject before the timed ones
 * @param reps timed runs of each query on each subject
 * @param queries corpus queries to run (empty: all)
 * @param sections the sections to run
 * @param clients the concurrency levels
 * @param durationSeconds how long each concurrency level runs
 * @param failoverReps repetitions of each failover event
 * @param jfr whether to record the gateway with JFR in an extra, untimed pass per section
 * @param gatewayClassPath the class path the gateway JVMs run with
 * @param gatewayHeap the gateway JVMs' {@code -Xmx}
 * @param gatewayWarmup whether the gateways run their warm-up queries before reporting ready
 * @param command the command line as typed, for the report
 */
public record BenchOptions(long scale, Path out, Path repo, boolean quick, int warmups, int reps, Set<String> queries,
    Set<Section> sections, List<Integer> clients, int durationSeconds, int failoverReps, boolean jfr,
    String gatewayClassPath, String gatewayHeap, boolean gatewayWarmup, String command) {

  public static final long DEFAULT_SCALE = 10_000_000;

  /** The parts of the benchmark, in the order they run. */
  public enum Section {
    PUSHDOWN, PLANNING, LAKE, CONCURRENCY, FAILOVER;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Section of(String id) {
      for (Section section : values()) {
        if (section.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
          return section;
        }
      }
      throw new IllegalArgumentException("--sections: unknown section '" + id + "'; sections: "
          + Arrays.stream(values()).map(Section::id).toList());
    }
  }

  public BenchOptions {
    requireNonNull(out, "out");
    requireNonNull(repo, "repo");
    queries = Set.copyOf(queries);
    sections = sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    clients = List.copyOf(clients);
    requireNonNull(gatewayClassPath, "gatewayClassPath");
    requireNonNull(gatewayHeap, "gatewayHeap");
    requireNonNull(command, "command");
    if (warmups < 0 || reps < 1 || durationSeconds < 1 || failoverReps < 1) {
      throw new IllegalArgumentException("--warmups must be >= 0, --reps, --duration and --failover-reps >= 1");
    }
    if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("--clients needs one or more positive numbers, e.g. 1,8,32,64");
    }
  }

  public boolean runs(Section section) {
    return sections.contains(section);
  }

  /** The directory this run's report, CSV, chart, logs and profiles go to. */
  public Path resultDirectory() {
    return out.resolve("scale-" + scale);
  }

  public static String usage() {
    return String.join("\n",
        "Usage: bin/bench [--scale ROWS] [--out DIR] [--quick] [options]",
        "  --scale ROWS           rows of the generated lake (default 10000000; 20k, 10M accepted)",
        "  --out DIR              output directory (default benchmarks/results); the lake is cached there",
        "  --quick                1 warm-up, 3 repetitions, 5 s per concurrency level, 1 failover repetition",
        "  --warmups N --reps N   untimed and timed runs per query and subject (default 2 and 10)",
        "  --queries a,b          only these corpus queries (default: all)",
        "  --sections s,t         of pushdown, planning, lake, concurrency, failover (default: all)",
        "  --clients 1,8,32,64    concurrency levels",
        "  --duration SECONDS     per concurrency level (default 20)",
        "  --failover-reps N      repetitions of each failover event (default 3)",
        "  --jfr                  also record each section on the gateway with JFR (untimed extra pass)",
        "  --gateway-heap SIZE    the gateway JVM's -Xmx (default 1g)",
        "  --no-gateway-warmup    start the gateways without their warm-up queries",
        "  --repo DIR             the repository root (default: found from the working directory)",
        "  --redraw               only draw ratios.png again from the measurements.csv of --scale/--out",
        "");
  }

  /** Parses the command line; {@code command} is what the report shows as the command that was run. */
  public static BenchOptions parse(List<String> args, String command) {
    requireNonNull(args, "args");
    long scale = DEFAULT_SCALE;
    Path out = null;
    Path repo = null;
    boolean quick = args.contains("--quick");
    Integer warmups = null;
    Integer reps = null;
    Set<String> queries = new LinkedHashSet<>();
    Set<Section> sections = EnumSet.allOf(Section.class);
    List<Integer> clients = List.of(1, 8, 32, 64);
    Integer duration = null;
    Integer failoverReps = null;
    boolean jfr = false;
    String gatewayHeap = "1g";
    boolean gatewayWarmup = true;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--quick", "--redraw" -> { }
        case "--jfr" -> jfr = true;
        case "--no-gateway-warmup" -> gatewayWarmup = false;
        case "--scale" -> scale = rows(value(args, ++i, arg));
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--repo" -> repo = Path.of(value(args, ++i, arg));
        case "--warmups" -> warmups = integer(value(args, ++i, arg), arg);
        case "--reps" -> reps = integer(value(args, ++i, arg), arg);
        case "--queries" -> queries.addAll(list(value(args, ++i, arg)));
        case "--sections" -> {
          sections = EnumSet.noneOf(Section.class);
          for (String id : list(value(args, ++i, arg))) {
            sections.add(Section.of(id));
          }
        }
        case "--clients" -> clients = list(value(args, ++i, arg)).stream().map(c -> integer(c, "--clients")).toList();
        case "--duration" -> duration = integer(value(args, ++i, arg), arg);
        case "--failover-reps" -> failoverReps = integer(value(args, ++i, arg), arg);
        case "--gateway-heap" -> gatewayHeap = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + usage());
      }
    }
    Path root = (repo != null ? repo : findRepo()).toAbsolutePath().normalize();
    Path output = (out != null ? out : root.resolve("benchmarks").resolve("results")).toAbsolutePath().normalize();
    return new BenchOptions(scale, output, root, quick, warmups != null ? warmups : quick ? 1 : 2,
        reps != null ? reps : quick ? 3 : 10, queries, sections, clients,
        duration != null ? duration : quick ? 5 : 20, failoverReps != null ? failoverReps : quick ? 1 : 3, jfr,
        System.getProperty("java.class.path"), gatewayHeap, gatewayWarmup, command);
  }

  /** {@code 10000000}, {@code 10M}, {@code 20k}. */
  static long rows(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
    long factor = 1;
    if (t.endsWith("k")) {
      factor = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      factor = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Math.multiplyExact(Long.parseLong(t), factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("--scale: '" + text + "' is not a row count (e.g. 10000000, 10M, 20k)", e);
    }
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args.get(index);
  }

  private static int integer(String text, String option) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a whole number", e);
    }
  }

  private static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  /** The repository root: the system property {@code lakegate.repo}, else the nearest directory up with ddl/nfs. */
  static Path findRepo() {
    String property = System.getProperty("lakegate.repo");
    if (property != null) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("ddl").resolve("nfs")) && Files.isRegularFile(dir.resolve("model.json"))) {
        return dir;
      }
    }
    throw new IllegalArgumentException("cannot find the repository (a directory with model.json and ddl/nfs) above "
        + Path.of("").toAbsolutePath() + "; pass --repo DIR");
  }
}
