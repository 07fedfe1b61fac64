package io.lakegate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench}: runs the benchmark and writes its report, CSV and chart. Exit codes: 0 done (even
 * when targets are missed: the report says so), 1 the run failed, 2 wrong command line.
 */
public final class BenchMain {
  private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

  private BenchMain() {
  }

  public static void main(String[] args) {
    // Before anything reads the default zone: lakegate, the lake and the engines all work in UTC.
    TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    // The chart is drawn off-screen.
    System.setProperty("java.awt.headless", "true");
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      // The console is this command's user interface for its usage text.
      System.out.print(BenchOptions.usage());
      return;
    }
    String command = System.getenv().getOrDefault("LAKEGATE_BENCH_COMMAND", "bench " + String.join(" ", args));
    BenchOptions options;
    try {
      options = BenchOptions.parse(arguments, command.strip());
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      if (arguments.contains("--redraw")) {
        // Only the chart, again, from the CSV of a finished run at this scale (no engine, no gateway).
        Path csv = options.resultDirectory().resolve(ReportWriter.CSV);
        Path png = options.resultDirectory().resolve(ReportWriter.CHART);
        BenchRun.chart(CsvReader.read(csv), options.scale(), png)
            .ifPresentOrElse(p -> LOG.info("redrew {} from {}", p, csv), () -> LOG.warn("{} has no ratio to draw", csv));
        System.exit(0);
      }
      BenchRun.Output output = BenchRun.run(options);
      LOG.info("report: {}", output.report());
    } catch (IOException | RuntimeException e) {
      LOG.error("the benchmark run failed", e);
      System.exit(1);
    }
    // Daemon threads of the drivers must not keep the JVM up.
    System.exit(0);
  }
}
