package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one query on several subjects: the warm-ups, then the repetitions, interleaved (A, B, A, B, ...)
 * so that a burst of load from elsewhere on the machine hits every subject alike. Every run is one
 * {@link Measurement}; a subject that fails is not run again for this query.
 */
final class Repeater {
  private static final Logger LOG = LoggerFactory.getLogger(Repeater.class);

  private Repeater() {
  }

  /** One timed run: its wall time and what it returned. */
  record Sample(double millis, QueryResult result) {
  }

  /** Something that runs the query once and says how long it took. */
  @FunctionalInterface
  interface Execution {
    Sample run() throws Exception;
  }

  /** An execution timed around the whole call (including reading every row). */
  static Execution timed(Callable<QueryResult> call) {
    requireNonNull(call, "call");
    return () -> {
      long start = System.nanoTime();
      QueryResult result = call.call();
      return new Sample((System.nanoTime() - start) / 1e6, result);
    };
  }

  /** A named way to run the query. */
  record Subject(String name, Execution execution) {
    Subject {
      requireNonNull(name, "name");
      requireNonNull(execution, "execution");
    }
  }

  /**
   * How one subject did.
   *
   * @param stats of the timed runs that succeeded
   * @param result the last result (null when it never succeeded)
   * @param error the first error's message, null when none
   */
  record Outcome(String subject, Stats stats, QueryResult result, String error) {
    boolean ok() {
      return error == null;
    }

    /** Rows of the last result, -1 when there is none. */
    long rows() {
      return result == null ? -1 : result.rowCount();
    }
  }

  static Map<String, Outcome> run(String section, String query, List<Subject> subjects, int warmups, int reps,
      Consumer<Measurement> sink) {
    Map<String, List<Double>> timings = new LinkedHashMap<>();
    Map<String, QueryResult> results = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    subjects.forEach(s -> timings.put(s.name(), new ArrayList<>()));
    for (int i = 0; i < warmups + reps; i++) {
      boolean warm = i < warmups;
      int rep = warm ? i + 1 : i - warmups + 1;
      for (Subject subject : subjects) {
        if (errors.containsKey(subject.name())) {
          continue;
        }
        String phase = warm ? Measurement.WARMUP : Measurement.MEASURE;
        try {
          Sample sample = subject.execution().run();
          results.put(subject.name(), sample.result());
          long rows = sample.result() == null ? -1 : sample.result().rowCount();
          sink.accept(new Measurement(section, query, subject.name(), phase, rep, sample.millis(), rows, true, ""));
          if (!warm) {
            timings.get(subject.name()).add(sample.millis());
          }
        } catch (Exception e) {
          String message = Errors.oneLine(e);
          LOG.warn("{} / {} on {} failed: {}", section, query, subject.name(), message);
          errors.put(subject.name(), message);
          sink.accept(new Measurement(section, query, subject.name(), phase, rep, Double.NaN, -1, false, message));
        }
      }
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (Subject subject : subjects) {
      outcomes.put(subject.name(), new Outcome(subject.name(), Stats.of(timings.get(subject.name())),
          results.get(subject.name()), errors.get(subject.name())));
    }
    return outcomes;
  }
}
