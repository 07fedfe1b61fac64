package io.lakegate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Linux says about a process at one moment ({@code /proc/<pid>/status} and {@code /proc/<pid>/io}).
 *
 * @param threads its thread count
 * @param rssKb resident memory, KiB
 * @param readChars bytes it has read through read(2)-family calls so far (files and sockets; the page
 *     cache does not hide these, unlike {@code read_bytes})
 */
public record ProcSample(int threads, long rssKb, long readChars) {

  /** Reads the two files; -1 for a value Linux did not give (another kernel, no permission). */
  public static ProcSample of(long pid) {
    Map<String, String> status = fields(Path.of("/proc", Long.toString(pid), "status"), ":");
    Map<String, String> io = fields(Path.of("/proc", Long.toString(pid), "io"), ":");
    return new ProcSample((int) number(status.get("Threads")), number(status.get("VmRSS")),
        number(io.get("rchar")));
  }

  private static Map<String, String> fields(Path file, String separator) {
    Map<String, String> fields = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int at = line.indexOf(separator);
        if (at > 0) {
          fields.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
        }
      }
    } catch (IOException e) {
      // The process is gone or the file is not readable here: every value is then reported as unknown (-1).
      return Map.of();
    }
    return fields;
  }

  /** The leading number of a value such as {@code "123456 kB"}, or -1. */
  static long number(String value) {
    if (value == null) {
      return -1;
    }
    String digits = value.split("\\s+")[0];
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
