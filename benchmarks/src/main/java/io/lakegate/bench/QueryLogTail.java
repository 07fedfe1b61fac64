package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Follows a gateway's log file and hands out the query lines written since the last look. */
final class QueryLogTail {
  private final Path file;
  private long offset;
  private final StringBuilder partial = new StringBuilder();

  QueryLogTail(Path file) {
    this.file = requireNonNull(file, "file");
  }

  /** Skips everything written so far. */
  void skipToEnd() throws IOException {
    readNew();
  }

  /** The query lines completed since the previous call. */
  List<QueryLogLine> readNew() throws IOException {
    List<QueryLogLine> lines = new ArrayList<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return lines;
      }
      in.seek(offset);
      byte[] bytes = new byte[(int) (length - offset)];
      in.readFully(bytes);
      offset = length;
      partial.append(new String(bytes, StandardCharsets.UTF_8));
    }
    int newline;
    while ((newline = partial.indexOf("\n")) >= 0) {
      String line = partial.substring(0, newline);
      partial.delete(0, newline + 1);
      QueryLogLine.parse(line).ifPresent(lines::add);
    }
    return lines;
  }

  /** Waits (up to {@code timeout}) for the next query line; the gateway writes it once the result is complete. */
  Optional<QueryLogLine> next(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      List<QueryLogLine> lines = readNew();
      if (!lines.isEmpty()) {
        return Optional.of(lines.get(lines.size() - 1));
      }
      Thread.sleep(5);
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }
}
