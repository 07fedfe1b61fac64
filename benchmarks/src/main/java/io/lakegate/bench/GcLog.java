package io.lakegate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's GC log ({@code -Xlog:gc:file=…:time}): its pauses with the heap before and after each
 * and the committed heap, e.g. {@code [2026-11-21T14:32:21.769+0000] GC(3) Pause Young (Normal) (G1
 * Evacuation Pause) 51M->8M(1024M) 4.567ms}.
 */
final class GcLog {
  private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].*\\bPause (\\w+).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)"
      + " ([\\d.]+)ms");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

  private GcLog() {
  }

  /**
   * One pause.
   *
   * @param kind {@code Young}, {@code Full}, {@code Remark}, {@code Cleanup}...
   */
  record Pause(Instant time, String kind, long beforeMb, long afterMb, long committedMb, double millis) {
  }

  /**
   * The pauses of a period.
   *
   * @param pauses how many
   * @param fullPauses how many were full collections
   * @param totalMs their total time
   * @param maxMs the longest
   * @param peakMb the most heap in use before a pause (the top of the saw-tooth)
   * @param liveMb the most heap in use after a pause (what survived: the working set)
   * @param committedMb the largest committed heap
   */
  record Summary(int pauses, int fullPauses, double totalMs, double maxMs, long peakMb, long liveMb, long committedMb) {
    static final Summary NONE = new Summary(0, 0, 0, 0, -1, -1, -1);
  }

  static List<Pause> read(Path file) throws IOException {
    List<Pause> pauses = new ArrayList<>();
    if (!Files.exists(file)) {
      return pauses;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      parse(line).ifPresent(pauses::add);
    }
    return pauses;
  }

  static Optional<Pause> parse(String line) {
    Matcher m = PAUSE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      Instant time = OffsetDateTime.parse(m.group(1), TIME).toInstant();
      return Optional.of(new Pause(time, m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
          Long.parseLong(m.group(5)), Double.parseDouble(m.group(6))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The pauses between {@code from} and {@code to}. */
  static Summary summarize(List<Pause> pauses, Instant from, Instant to) {
    List<Pause> in = pauses.stream().filter(p -> !p.time().isBefore(from) && !p.time().isAfter(to)).toList();
    if (in.isEmpty()) {
      return Summary.NONE;
    }
    return new Summary(in.size(), (int) in.stream().filter(p -> p.kind().equals("Full")).count(),
        in.stream().mapToDouble(Pause::millis).sum(), in.stream().mapToDouble(Pause::millis).max().orElse(0),
        in.stream().mapToLong(Pause::beforeMb).max().orElse(-1), in.stream().mapToLong(Pause::afterMb).max().orElse(-1),
        in.stream().mapToLong(Pause::committedMb).max().orElse(-1));
  }
}
