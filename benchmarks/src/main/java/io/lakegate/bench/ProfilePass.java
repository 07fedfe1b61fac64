package io.lakegate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --jfr}: one more, untimed pass of a section's work with a JFR recording of the gateway
 * JVM, so that the timed numbers carry no profiling overhead; the recording and its summary go to
 * {@code profiles/}.
 */
final class ProfilePass {
  private static final Logger LOG = LoggerFactory.getLogger(ProfilePass.class);
  private static final int TOP = 25;

  private ProfilePass() {
  }

  /** Work to profile. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** A recorded profile: its name, recording file and summary. */
  record Profile(String name, Path recording, JfrSummary summary) {
  }

  static Optional<Profile> record(BenchContext context, GatewayProcess gateway, String name, Work work)
      throws IOException {
    if (!context.options().jfr()) {
      return Optional.empty();
    }
    Path recording = context.profileDirectory().resolve(name + ".jfr");
    Files.deleteIfExists(recording);
    LOG.info("profiling {} on the {} gateway (JFR, untimed)", name, gateway.name());
    gateway.startRecording(name, recording);
    try {
      work.run();
    } catch (Exception e) {
      LOG.warn("the profiled pass of {} failed: {}", name, Errors.oneLine(e));
    } finally {
      gateway.stopRecording(name);
    }
    JfrSummary summary = JfrSummary.read(recording, TOP);
    Files.writeString(context.profileDirectory().resolve(name + ".txt"), text(name, summary), StandardCharsets.UTF_8);
    return Optional.of(new Profile(name, recording, summary));
  }

  static String text(String name, JfrSummary summary) {
    StringBuilder out = new StringBuilder();
    out.append(name).append(": ").append(summary.samples()).append(" execution samples\n\nself (top frame):\n");
    append(out, summary.self());
    out.append("\nself, by package:\n");
    append(out, summary.packages());
    out.append("\ninclusive (anywhere on the stack; JDK, Jetty, Avatica and request plumbing left out):\n");
    append(out, summary.inclusive());
    return out.toString();
  }

  private static void append(StringBuilder out, Map<String, Double> shares) {
    shares.forEach((method, share) -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", share, method)));
  }
}
