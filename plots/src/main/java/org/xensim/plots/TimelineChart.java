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
 * The per-pCPU timeline (a Gantt chart): one row per pCPU, a bar for every stretch a guest vCPU
 * ran there, coloured by domain, over the recorded window ({@code timeline.csv}). Each domain is
 * one series of thick line segments separated by gaps. With more than twenty domains the colours
 * (and the legend) go by domain group: the name without its {@code -N} count suffix.
 */
final class TimelineChart {
  private TimelineChart() {}

  /**
   * @param fromNs start of the window to draw (within what was recorded)
   * @param toNs its end
   */
  static XYChart build(ResultsFolder r, Table timeline, long fromNs, long toNs) {
    int nrCpus = r.nrCpus();
    List<String> domains = r.domains();
    boolean grouped = domains.size() > 20;
    List<String> keys = new ArrayList<>();
    for (String d : domains) {
      String k = grouped ? group(d) : d;
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    Charts.TimeUnit unit = Charts.TimeUnit.forSpan(toNs - fromNs);
    int rowPx = Math.max(14, Math.min(40, 420 / Math.max(1, nrCpus)));
    int height = Math.max(360, 170 + rowPx * nrCpus);
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(height)
        .title("What ran on each pCPU (" + r.scenario() + ", " + r.schedulers() + ")")
        .xAxisTitle("simulated time (" + unit.label() + ")")
        .yAxisTitle("pCPU").build();
    Charts.style(chart.getStyler());
    var s = chart.getStyler();
    s.setXAxisMin(fromNs / unit.ns());
    s.setXAxisMax(toNs / unit.ns());
    s.setYAxisMin(-0.6);
    s.setYAxisMax(nrCpus - 0.4);
    s.setPlotGridLinesVisible(false);
    s.setPlotGridVerticalLinesVisible(true);
    // a callback formatter gets round ticks over the window, not ticks at data points
    s.setxAxisTickLabelsFormattingFunction(Charts::tick);
    s.setyAxisTickLabelsFormattingFunction(y -> cpuLabel(y, nrCpus));
    s.setYAxisTickMarkSpacingHint(Math.max(18, rowPx));
    s.setLegendSeriesLineLength(18);

    Map<String, List<double[]>> bars = new LinkedHashMap<>();
    keys.forEach(k -> bars.put(k, new ArrayList<>()));
    int cpu = timeline.header().indexOf("pcpu");
    int start = timeline.header().indexOf("start_ns");
    int end = timeline.header().indexOf("end_ns");
    int dom = timeline.header().indexOf("domain");
    for (List<String> row : timeline.rows()) {
      long a = Math.max(fromNs, Long.parseLong(row.get(start)));
      long b = Math.min(toNs, Long.parseLong(row.get(end)));
      if (b <= a) {
        continue;
      }
      String k = grouped ? group(row.get(dom)) : row.get(dom);
      bars.computeIfAbsent(k, x -> new ArrayList<>())
          .add(new double[] {Integer.parseInt(row.get(cpu)), a / unit.ns(), b / unit.ns()});
    }
    float thickness = rowPx * 0.7f;
    int i = 0;
    for (Map.Entry<String, List<double[]>> e : bars.entrySet()) {
      List<double[]> segs = e.getValue();
      int n = Math.max(1, segs.size());
      double[] x = new double[n * 3];
      double[] y = new double[n * 3];
      java.util.Arrays.fill(x, Double.NaN);
      java.util.Arrays.fill(y, Double.NaN);
      for (int k = 0; k < segs.size(); k++) {
        double[] seg = segs.get(k);
        x[3 * k] = seg[1];
        y[3 * k] = seg[0];
        x[3 * k + 1] = seg[2];
        y[3 * k + 1] = seg[0];
        x[3 * k + 2] = seg[2];
      }
      if (segs.isEmpty()) {
        x[0] = fromNs / unit.ns();
      }
      XYSeries series = chart.addSeries(e.getKey(), x, y);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(Charts.color(i++));
      series.setLineStyle(Charts.line(thickness));
    }
    return chart;
  }

  /**
   * A pCPU number at a whole tick, else an invisible label (XChart drops every tick label when two
   * are equal, so each blank is a different run of zero-width spaces).
   */
  static String cpuLabel(double y, int nrCpus) {
    double k = Math.rint(y);
    if (Math.abs(y - k) < 1e-9 && k >= 0 && k < nrCpus) {
      return Long.toString((long) k);
    }
    return blank((int) Math.round(Math.abs(y) * 100) * 2 + (y < 0 ? 1 : 0));
  }

  /** An invisible tick label, different for every {@code i} (zero-width spaces). */
  static String blank(int i) {
    return "\u200b".repeat(1 + i);
  }

  /** {@code web-12} → {@code web}. */
  static String group(String domain) {
    return domain.replaceFirst("-[0-9]+$", "");
  }
}
