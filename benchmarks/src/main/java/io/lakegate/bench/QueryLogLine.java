package io.lakegate.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the gateway's query log ({@code lakegate.query}):
 * {@code query id=… user=… backend=lake rows=5 ms=212 files=12 rowGroups=14/30 outcome=ok … sql="…"}.
 *
 * @param backend {@code clickhouse} or {@code lake}
 * @param rows rows sent
 * @param millis the gateway's own time for the query
 * @param files parquet files the query opened (lake path)
 * @param rowGroupsRead row groups it decoded
 * @param rowGroupsConsidered row groups read plus those skipped by statistics
 * @param outcome {@code ok} or {@code error}
 */
public record QueryLogLine(String backend, long rows, long millis, long files, long rowGroupsRead,
    long rowGroupsConsidered, String outcome) {
  private static final Pattern LINE = Pattern.compile("\\bquery id=\\S+ user=\\S+ backend=(\\S+) rows=(\\d+) ms=(\\d+)"
      + " files=(\\d+) rowGroups=(\\d+)/(\\d+) outcome=(\\S+)");

  /** The query fields of a log line, or empty when the line is not a query line. */
  public static Optional<QueryLogLine> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new QueryLogLine(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), m.group(7)));
  }
}
