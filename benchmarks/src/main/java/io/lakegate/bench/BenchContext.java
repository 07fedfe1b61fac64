package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What every section of one run shares: the options, the corpus, the lake, the engine, where files go,
 * and the list every measurement is appended to (thread-safe: the concurrency section's clients add
 * to it at once).
 */
final class BenchContext {
  private final BenchOptions options;
  private final List<BenchQuery> queries;
  private final LakeCache.Lake lake;
  private final BenchEngine engine;
  private final List<Measurement> measurements;
  private final boolean recording;

  BenchContext(BenchOptions options, List<BenchQuery> queries, LakeCache.Lake lake, BenchEngine engine) {
    this(options, queries, lake, engine, Collections.synchronizedList(new ArrayList<>()), true);
  }

  private BenchContext(BenchOptions options, List<BenchQuery> queries, LakeCache.Lake lake, BenchEngine engine,
      List<Measurement> measurements, boolean recording) {
    this.options = requireNonNull(options, "options");
    this.queries = List.copyOf(queries);
    this.lake = requireNonNull(lake, "lake");
    this.engine = requireNonNull(engine, "engine");
    this.measurements = measurements;
    this.recording = recording;
  }

  /** The same context, but its measurements are not kept (a profiled pass is not a timed run). */
  BenchContext unrecorded() {
    return new BenchContext(options, queries, lake, engine, measurements, false);
  }

  BenchOptions options() {
    return options;
  }

  List<BenchQuery> queries() {
    return queries;
  }

  /** The concurrency section's workload: the corpus's mixed queries among those selected, else all selected. */
  List<BenchQuery> mixedQueries() {
    List<BenchQuery> mixed = queries.stream().filter(BenchQuery::mixed).toList();
    return mixed.isEmpty() ? queries : mixed;
  }

  LakeCache.Lake lake() {
    return lake;
  }

  BenchEngine engine() {
    return engine;
  }

  void record(Measurement measurement) {
    if (recording) {
      measurements.add(measurement);
    }
  }

  List<Measurement> measurements() {
    synchronized (measurements) {
      return List.copyOf(measurements);
    }
  }

  Path resultDirectory() throws IOException {
    return Files.createDirectories(options.resultDirectory());
  }

  Path logDirectory() throws IOException {
    return Files.createDirectories(options.resultDirectory().resolve("logs"));
  }

  Path profileDirectory() throws IOException {
    return Files.createDirectories(options.resultDirectory().resolve("profiles"));
  }

  Path workDirectory() throws IOException {
    return Files.createDirectories(options.resultDirectory().resolve("work"));
  }
}
