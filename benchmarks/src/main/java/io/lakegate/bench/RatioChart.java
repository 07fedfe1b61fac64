package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The one chart: per corpus query, lakegate's median over each reference's median (pushdown: over
 * clickhouse-jdbc; lake path: over DuckDB and over ClickHouse's file() reading), on a logarithmic axis
 * where 1 means "as fast as the reference".
 */
final class RatioChart {
  private RatioChart() {
  }

  /**
   * Writes the PNG.
   *
   * @param queries the category labels, in order
   * @param series series name to one ratio per query (NaN where there is none)
   */
  static void write(Path png, String title, List<String> queries, Map<String, List<Double>> series)
      throws IOException {
    requireNonNull(png, "png");
    CategoryChart chart = new CategoryChartBuilder().width(1400).height(700).title(title)
        .xAxisTitle("query").yAxisTitle("lakegate median / reference median (log scale)").build();
    chart.getStyler().setYAxisLogarithmic(true);
    // Vertical labels: XChart drops every other category label when slanted ones would overlap.
    chart.getStyler().setXAxisLabelRotation(90);
    // and it keeps a label only every ~74 px by default, fewer than one per category here.
    chart.getStyler().setXAxisTickMarkSpacingHint(20);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    Map<String, List<Double>> drawn = present(series);
    // A logarithmic bar chart needs explicit bounds (bars start at the axis minimum): whole decades around the data.
    double min = drawn.values().stream().flatMap(List::stream).filter(RatioChart::drawable).mapToDouble(v -> v).min()
        .orElse(1);
    double max = drawn.values().stream().flatMap(List::stream).filter(RatioChart::drawable).mapToDouble(v -> v).max()
        .orElse(1);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(min, 1) * 0.999))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(Math.max(max, 1) * 1.001))));
    for (Map.Entry<String, List<Double>> entry : drawn.entrySet()) {
      List<Double> values = new ArrayList<>();
      // A missing ratio is drawn as no bar: XChart skips null values.
      entry.getValue().forEach(v -> values.add(drawable(v) ? v : null));
      chart.addSeries(entry.getKey(), queries, values);
    }
    String file = png.toAbsolutePath().toString();
    BitmapEncoder.saveBitmap(chart, file.endsWith(".png") ? file.substring(0, file.length() - 4) : file,
        BitmapEncoder.BitmapFormat.PNG);
  }

  private static boolean drawable(Double value) {
    return value != null && !value.isNaN() && value > 0 && !value.isInfinite();
  }

  /**
   * The chart's data from the measurements: per query, the median of the timed runs that succeeded of each
   * subject, and lakegate's median over each reference's (NaN where one is missing).
   *
   * @return series name to one ratio per query of {@code queries}, which it fills in first-seen order
   */
  static Map<String, List<Double>> series(List<Measurement> measurements, List<String> queries) {
    Map<String, List<Double>> timings = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      if (m.measured() && m.ok() && (m.section().equals(PushdownSection.SECTION) || m.section().equals(LakeSection.SECTION))) {
        if (!queries.contains(m.query())) {
          queries.add(m.query());
        }
        timings.computeIfAbsent(m.section() + "/" + m.query() + "/" + m.subject(), k -> new ArrayList<>()).add(m.millis());
      }
    }
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("pushdown: lakegate / clickhouse-jdbc", ratios(timings, queries, PushdownSection.SECTION,
        PushdownSection.GATEWAY, PushdownSection.DIRECT));
    series.put("lake path: lakegate / DuckDB", ratios(timings, queries, LakeSection.SECTION, LakeSection.GATEWAY,
        LakeSection.DUCKDB));
    series.put("lake path: lakegate / ClickHouse file()", ratios(timings, queries, LakeSection.SECTION,
        LakeSection.GATEWAY, LakeSection.CLICKHOUSE));
    return series;
  }

  private static List<Double> ratios(Map<String, List<Double>> timings, List<String> queries, String section,
      String subject, String reference) {
    List<Double> ratios = new ArrayList<>();
    for (String query : queries) {
      List<Double> s = timings.get(section + "/" + query + "/" + subject);
      List<Double> r = timings.get(section + "/" + query + "/" + reference);
      double ratio = s == null || r == null ? Double.NaN : Stats.of(s).median() / Stats.of(r).median();
      ratios.add(ratio);
    }
    return ratios;
  }

  /** Whether any series has a ratio to draw. */
  static boolean drawable(Map<String, List<Double>> series) {
    return series.values().stream().flatMap(List::stream).anyMatch(RatioChart::drawable);
  }

  /** Only the series with at least one ratio (XChart cannot scale an empty logarithmic axis). */
  private static Map<String, List<Double>> present(Map<String, List<Double>> series) {
    Map<String, List<Double>> present = new LinkedHashMap<>();
    series.forEach((name, values) -> {
      if (values.stream().anyMatch(RatioChart::drawable)) {
        present.put(name, values);
      }
    });
    if (present.isEmpty()) {
      throw new IllegalArgumentException("no ratio to draw");
    }
    return present;
  }
}
