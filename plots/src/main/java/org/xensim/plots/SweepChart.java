package org.xensim.plots;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xensim.core.run.Table;
import org.xensim.core.time.Durations;

/**
 * One figure of a sweep against a swept key: the x axis is the numeric swept key (numbers or
 * durations) with the most values, every combination of the other keys is a curve, and where the
 * points were replicated a shaded band shows the 95 % confidence interval. Without a numeric key
 * the chart is a bar chart with error bars.
 */
final class SweepChart {
  private SweepChart() {}

  record Axis(String key, List<String> values) {}

  static Chart<?, ?> build(String scenario, List<Axis> axes, Table csv, String metric) {
    Axis x = null;
    for (Axis a : axes) {
      if (numeric(a) != null && new java.util.HashSet<>(a.values()).size() > 1
          && (x == null || a.values().size() > x.values().size())) {
        x = a;
      }
    }
    boolean categorical = x == null;
    if (categorical) {
      x = axes.get(0);
      for (Axis a : axes) {
        if (a.values().size() > x.values().size()) {
          x = a;
        }
      }
    }
    Axis xAxis = x;
    List<Axis> others = axes.stream().filter(a -> a != xAxis).toList();
    int xi = csv.header().indexOf(x.key());
    int yi = csv.header().indexOf(metric);
    int ci = csv.header().indexOf(metric + "_ci95");
    boolean ns = metric.endsWith("_ns");
    double yScale = ns ? 1e3 : 1;
    String yTitle = describe(metric);
    String title = yTitle.replaceFirst(" \\(.*\\)$", "").replace(", all vCPUs", "") + " vs "
        + x.key() + " (" + scenario + ")";

    // series label -> x text -> {y, ci}
    Map<String, Map<String, double[]>> series = new LinkedHashMap<>();
    for (List<String> row : csv.rows()) {
      List<String> label = new ArrayList<>();
      for (Axis a : others) {
        label.add(a.key() + "=" + row.get(csv.header().indexOf(a.key())));
      }
      String name = label.isEmpty() ? metric : String.join(", ", label);
      String y = row.get(yi);
      if (y.isEmpty()) {
        continue;
      }
      double c = ci >= 0 && !row.get(ci).isEmpty() ? Double.parseDouble(row.get(ci)) : 0;
      series.computeIfAbsent(name, k -> new LinkedHashMap<>())
          .put(row.get(xi), new double[] {Double.parseDouble(y) / yScale, c / yScale});
    }

    // y range: the data and its intervals with a margin, from 0 for figures that cannot be negative
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Map<String, double[]> m : series.values()) {
      for (double[] v : m.values()) {
        lo = Math.min(lo, v[0] - v[1]);
        hi = Math.max(hi, v[0] + v[1]);
      }
    }
    boolean fromZero = !metric.contains("jain") && !metric.contains("deviation") && lo >= 0;
    double span = Math.max(hi - lo, Math.max(Math.abs(hi) * 0.1, 1e-9));
    double yMin = fromZero ? 0 : lo - 0.08 * span;
    double yMax = metric.contains("jain") ? Math.min(1.0, hi + 0.08 * span) : hi + 0.08 * span;

    if (categorical) {
      CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
          .title(title).xAxisTitle(x.key()).yAxisTitle(yTitle).build();
      Charts.style(chart.getStyler());
      chart.getStyler().setYAxisDecimalPattern("0.###");
      chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
      chart.getStyler().setYAxisMin(yMin);
      chart.getStyler().setYAxisMax(yMax);
      int i = 0;
      for (Map.Entry<String, Map<String, double[]>> e : series.entrySet()) {
        List<String> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> es = new ArrayList<>();
        for (String v : x.values()) {
          double[] p = e.getValue().get(v);
          xs.add(v);
          ys.add(p == null ? 0 : p[0]);
          es.add(p == null ? 0 : p[1]);
        }
        CategorySeries s = chart.addSeries(e.getKey(), xs, ys, es);
        s.setFillColor(Charts.color(i++));
      }
      return chart;
    }

    double[] unit = numeric(x);
    String xTitle = x.key() + (unit[1] > 0 ? " (" + unitName(unit[0]) + ")" : "");
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Charts.style(chart.getStyler());
    var st = chart.getStyler();
    st.setXAxisDecimalPattern("0.###");
    st.setYAxisDecimalPattern("0.###");
    st.setMarkerSize(7);
    // latencies spanning decades are drawn on a log axis, where an SLO region stays visible
    double minY = Double.POSITIVE_INFINITY;
    double maxY = 0;
    for (Map<String, double[]> m : series.values()) {
      for (double[] v : m.values()) {
        minY = Math.min(minY, v[0]);
        maxY = Math.max(maxY, v[0]);
      }
    }
    boolean log = ns && minY > 0 && maxY / minY >= 30;
    if (log) {
      st.setYAxisLogarithmic(true);
      chart.setYAxisTitle(yTitle.replace(")", ", log scale)"));
    } else {
      st.setYAxisMin(yMin);
      st.setYAxisMax(yMax);
    }
    double floorY = minY / 2;
    int i = 0;
    for (Map.Entry<String, Map<String, double[]>> e : series.entrySet()) {
      TreeMap<Double, double[]> pts = new TreeMap<>();
      e.getValue().forEach((k, v) -> pts.put(number(k) / unit[0], v));
      double[] xs = pts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] ys = pts.values().stream().mapToDouble(v -> v[0]).toArray();
      java.awt.Color color = Charts.color(i++);
      boolean band = pts.values().stream().anyMatch(v -> v[1] > 0);
      if (band && xs.length > 1) {
        double[] bx = new double[xs.length * 2];
        double[] by = new double[xs.length * 2];
        List<double[]> vs = new ArrayList<>(pts.values());
        for (int k = 0; k < xs.length; k++) {
          bx[k] = xs[k];
          by[k] = vs.get(k)[0] + vs.get(k)[1];
          bx[bx.length - 1 - k] = xs[k];
          double low = vs.get(k)[0] - vs.get(k)[1];
          by[by.length - 1 - k] = log ? Math.max(floorY, low) : low;
        }
        XYSeries b = chart.addSeries(e.getKey() + " (95% CI)", bx, by);
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        b.setFillColor(Charts.translucent(color, 60));
        b.setLineColor(Charts.translucent(color, 0));
        b.setMarker(SeriesMarkers.NONE);
        b.setShowInLegend(false);
      }
      XYSeries s = chart.addSeries(e.getKey(), xs, ys);
      s.setLineColor(color);
      s.setMarkerColor(color);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineStyle(Charts.line(2f));
    }
    if (series.values().stream().anyMatch(m -> m.values().stream().anyMatch(v -> v[1] > 0))) {
      chart.setTitle(title + ", bands: 95% CI");
    }
    return chart;
  }

  /** Words and unit for a column of {@code sweep.csv}. */
  static String describe(String metric) {
    String m = metric;
    String prefix = "";
    int dot = metric.lastIndexOf('.');
    if (dot > 0) {
      prefix = metric.substring(0, dot) + " ";
      m = metric.substring(dot + 1);
    }
    String words = switch (m) {
      case "jain_fairness" -> "Jain fairness of domains (1 = all at entitlement)";
      case "jain_fairness_vcpus" -> "Jain fairness of vCPUs (1 = all at entitlement)";
      case "worst_vcpu_deviation" -> "worst vCPU share vs entitlement (fraction)";
      case "share" -> "CPU share (pCPUs)";
      case "entitled_share" -> "entitled share (pCPUs)";
      case "utilisation" -> "pCPU utilisation (fraction)";
      default -> null;
    };
    if (words == null && m.endsWith("_ns")) {
      String base = m.substring(0, m.length() - 3);
      words = base.startsWith("wake_") ? "wake-to-run latency " + base.substring(5)
          : base.startsWith("preempt_wait_") ? "preemption wait " + base.substring(13)
          : base.startsWith("request_") ? "request response time " + base.substring(8)
          : base.startsWith("job_response_") ? "job response time " + base.substring(13)
          : base.replace('_', ' ');
      words += (prefix.isEmpty()
          && base.matches("(wake|preempt_wait|request|job_response)_(p[0-9]+|max|mean)")
          ? ", all vCPUs" : "") + " (\u00b5s)";
    }
    return prefix + (words == null ? m.replace('_', ' ') : words);
  }

  /**
   * {scale, isDuration} when every value of the axis is a number ({1, 0}) or a duration (a unit
   * for the axis in ns, 1); null otherwise.
   */
  static double[] numeric(Axis a) {
    boolean durations = true;
    boolean numbers = true;
    double max = 0;
    for (String v : a.values()) {
      try {
        Double.parseDouble(v);
      } catch (NumberFormatException e) {
        numbers = false;
      }
      try {
        max = Math.max(max, Durations.parse(v));
      } catch (IllegalArgumentException e) {
        durations = false;
      }
    }
    if (numbers) {
      return new double[] {1, 0};
    }
    if (durations) {
      return new double[] {Charts.TimeUnit.forSpan(max).ns(), 1};
    }
    return null;
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Durations.parse(v);
    }
  }

  private static String unitName(double ns) {
    return ns >= 1e9 ? "s" : ns >= 1e6 ? "ms" : ns >= 1e3 ? "\u00b5s" : "ns";
  }

  static List<Axis> axes(JsonNode meta) {
    List<Axis> out = new ArrayList<>();
    for (JsonNode k : meta.get("keys")) {
      List<String> vs = new ArrayList<>();
      k.get("values").forEach(v -> vs.add(v.isValueNode() ? v.asText() : v.toString()));
      out.add(new Axis(k.get("key").asText(), vs));
    }
    return out;
  }
}
