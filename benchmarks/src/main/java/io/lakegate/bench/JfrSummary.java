package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording's CPU samples ({@code jdk.ExecutionSample}) say, as shares of all samples: the
 * methods on top of the stack (self time), the same by package, and the application methods anywhere on
 * the stack (inclusive time, leaving out the JDK, Jetty and Avatica frames every request has); the
 * programmatic equivalent of {@code jfr print --events jdk.ExecutionSample} aggregated by frame.
 *
 * @param samples the number of execution samples
 * @param self method to share of samples where it was the top frame, largest first
 * @param packages package (three levels) to share of samples where one of its methods was the top frame
 * @param inclusive application method to share of samples where it was on the stack, largest first
 */
record JfrSummary(long samples, Map<String, Double> self, Map<String, Double> packages,
    Map<String, Double> inclusive) {
  /** Frames every request passes through, which say nothing about where the time goes. */
  private static final List<String> PLUMBING = List.of("java.", "javax.", "jdk.", "sun.", "org.eclipse.jetty.",
      "org.apache.calcite.avatica.", "io.lakegate.server.", "org.apache.calcite.jdbc.", "com.google.protobuf.");

  static JfrSummary read(Path recording, int top) throws IOException {
    requireNonNull(recording, "recording");
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> packages = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      RecordedMethod topMethod = frames.get(0).getMethod();
      self.merge(name(topMethod), 1L, Long::sum);
      packages.merge(packageOf(topMethod), 1L, Long::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String method = name(frame.getMethod());
        // Lambda frames repeat the method that created them under a generated name.
        if (PLUMBING.stream().noneMatch(method::startsWith) && !method.contains("$$Lambda") && seen.add(method)) {
          inclusive.merge(method, 1L, Long::sum);
        }
      }
    }
    return new JfrSummary(samples, top(self, samples, top), top(packages, samples, top),
        top(inclusive, samples, top));
  }

  private static String name(RecordedMethod method) {
    return method == null ? "(unknown)" : method.getType().getName() + "." + method.getName();
  }

  static String packageOf(RecordedMethod method) {
    if (method == null) {
      return "(unknown)";
    }
    String type = method.getType().getName();
    String[] parts = type.split("\\.");
    int levels = Math.min(3, parts.length - 1);
    return levels <= 0 ? "(default)" : String.join(".", List.of(parts).subList(0, levels));
  }

  private static Map<String, Double> top(Map<String, Long> counts, long samples, int top) {
    Map<String, Double> shares = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> shares.put(e.getKey(), samples == 0 ? 0 : 100.0 * e.getValue() / samples));
    return shares;
  }
}
