package org.xensim.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xensim.core.run.Table;

/**
 * The cumulative distribution of wake-to-run latency (or preemption wait) per domain, from
 * {@code latency_cdf.csv}, on a logarithmic time axis in µs, drawn as steps. Latencies below the
 * axis floor (0.1 µs), zeros included, are drawn at the floor.
 */
final class LatencyChart {
  static final double FLOOR_US = 0.1;

  private LatencyChart() {}

  /** Curves drawn at most; above, domains are merged by group (name without {@code -N}). */
  static final int MAX_CURVES = 12;

  /** Null if no domain has a value of {@code kind}. */
  static XYChart build(ResultsFolder r, Table cdf, String kind) {
    // per domain: {latency µs (floored), cumulative count}
    Map<String, List<double[]>> byDomain = new LinkedHashMap<>();
    int dom = cdf.header().indexOf("domain");
    int k = cdf.header().indexOf("kind");
    int lat = cdf.header().indexOf("latency_ns");
    int cnt = cdf.header().indexOf("count");
    double max = FLOOR_US;
    double min = Double.POSITIVE_INFINITY;
    for (List<String> row : cdf.rows()) {
      if (!row.get(k).equals(kind)) {
        continue;
      }
      double us = Math.max(FLOOR_US, Long.parseLong(row.get(lat)) / 1e3);
      max = Math.max(max, us);
      min = Math.min(min, us);
      byDomain.computeIfAbsent(row.get(dom), x -> new ArrayList<>())
          .add(new double[] {us, Double.parseDouble(row.get(cnt))});
    }
    if (byDomain.isEmpty()) {
      return null;
    }
    boolean grouped = byDomain.size() > MAX_CURVES;
    Map<String, List<double[]>> curves = grouped ? merge(byDomain) : byDomain;
    boolean wake = kind.equals("wake");
    // the axis starts a decade below the smallest latency, at 0.1 µs at the lowest
    double floor = Math.max(FLOOR_US, Math.pow(10, Math.floor(Math.log10(min) - 1e-9)));
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title((wake ? "Wake-to-run latency" : "Preemption wait") + " per domain"
            + (grouped ? " group" : "") + " (" + r.scenario() + ", " + r.schedulers() + ")")
        .xAxisTitle((wake ? "wake-to-run latency" : "wait after preemption")
            + " (\u00b5s, log scale" + (floor == FLOOR_US ? "; below " + Charts.tick(FLOOR_US)
                + " drawn at " + Charts.tick(FLOOR_US) : "") + ")")
        .yAxisTitle("fraction of " + (wake ? "wakes" : "preemptions") + " \u2264 x").build();
    Charts.style(chart.getStyler());
    var s = chart.getStyler();
    s.setXAxisLogarithmic(true);
    s.setXAxisMin(floor);
    s.setXAxisMax(Math.pow(10, Math.ceil(Math.log10(max * 1.0001))));
    s.setYAxisMin(0.0);
    s.setYAxisMax(1.0);
    s.setXAxisDecimalPattern("0.###");
    s.setYAxisDecimalPattern("0.##");
    List<String> keys = new ArrayList<>();
    for (String d : r.domains()) {
      String g = grouped ? TimelineChart.group(d) : d;
      if (!keys.contains(g)) {
        keys.add(g);
      }
    }
    chart.getStyler().setLegendVisible(curves.size() <= 2 * MAX_CURVES);
    for (Map.Entry<String, List<double[]>> e : curves.entrySet()) {
      List<double[]> pts = e.getValue();
      double total = pts.get(pts.size() - 1)[1];
      double[] x = new double[pts.size() * 2 + 1];
      double[] y = new double[pts.size() * 2 + 1];
      x[0] = floor;
      y[0] = 0;
      double prev = 0;
      for (int i = 0; i < pts.size(); i++) {
        double f = pts.get(i)[1] / total;
        x[2 * i + 1] = pts.get(i)[0];
        y[2 * i + 1] = prev;
        x[2 * i + 2] = pts.get(i)[0];
        y[2 * i + 2] = f;
        prev = f;
      }
      XYSeries series = chart.addSeries(e.getKey(), x, y);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(Charts.color(Math.max(0, keys.indexOf(e.getKey()))));
      series.setLineStyle(Charts.line(2f));
    }
    return chart;
  }

  /**
   * Merges domain CDFs by group: at every latency any member has a step, the group's count is the
   * sum of its members' counts up to that latency (each member's count is exact at its own steps,
   * which are at most 5 % apart).
   */
  static Map<String, List<double[]>> merge(Map<String, List<double[]>> byDomain) {
    Map<String, List<List<double[]>>> members = new LinkedHashMap<>();
    byDomain.forEach((d, pts) -> members.computeIfAbsent(TimelineChart.group(d),
        g -> new ArrayList<>()).add(pts));
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    members.forEach((g, list) -> {
      java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
      list.forEach(pts -> pts.forEach(p -> xs.add(p[0])));
      List<double[]> merged = new ArrayList<>();
      int[] at = new int[list.size()];
      for (double x : xs) {
        double sum = 0;
        for (int m = 0; m < list.size(); m++) {
          List<double[]> pts = list.get(m);
          while (at[m] < pts.size() && pts.get(at[m])[0] <= x) {
            at[m]++;
          }
          sum += at[m] == 0 ? 0 : pts.get(at[m] - 1)[1];
        }
        merged.add(new double[] {x, sum});
      }
      out.put(g, merged);
    });
    return out;
  }
}
