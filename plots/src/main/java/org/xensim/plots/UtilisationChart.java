package org.xensim.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xensim.core.run.Table;

/**
 * Utilisation over time per pCPU, from {@code utilisation.csv}: a line for a single pCPU, else a
 * heat map (time × pCPU, white idle to dark blue busy), where lines of busy pCPUs would lie on
 * top of each other.
 */
final class UtilisationChart {
  private UtilisationChart() {}

  static Chart<?, ?> build(ResultsFolder r, Table u) {
    int nrCpus = u.header().size() - 2;
    int rows = u.rows().size();
    double from = Double.parseDouble(u.rows().get(0).get(0));
    double to = Double.parseDouble(u.rows().get(rows - 1).get(1));
    Charts.TimeUnit unit = Charts.TimeUnit.forSpan(to - from);
    String title = "pCPU utilisation over time (" + r.scenario() + ", " + r.schedulers() + ")";
    String xTitle = "simulated time (" + unit.label() + "), buckets of "
        + Charts.tick((to - from) / rows / unit.ns()) + " " + unit.label();
    if (nrCpus == 1) {
      XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
          .xAxisTitle(xTitle).yAxisTitle("busy fraction").build();
      Charts.style(chart.getStyler());
      chart.getStyler().setYAxisMin(0.0);
      chart.getStyler().setYAxisMax(1.05);
      chart.getStyler().setXAxisMin(from / unit.ns());
      chart.getStyler().setXAxisMax(to / unit.ns());
      chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::tick);
      chart.getStyler().setYAxisDecimalPattern("0.##");
      chart.getStyler().setLegendVisible(false);
      for (int c = 0; c < nrCpus; c++) {
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
          List<String> row = u.rows().get(i);
          x[i] = (Double.parseDouble(row.get(0)) + Double.parseDouble(row.get(1))) / 2
              / unit.ns();
          y[i] = Double.parseDouble(row.get(c + 2));
        }
        XYSeries s = chart.addSeries("pCPU " + c, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Charts.color(c));
        s.setLineStyle(Charts.line(2f));
      }
      return chart;
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH)
        .height(Math.max(Charts.HEIGHT, 160 + 12 * nrCpus)).title(title)
        .xAxisTitle(xTitle).yAxisTitle("pCPU").build();
    Charts.style(chart.getStyler());
    var s = chart.getStyler();
    s.setRangeColors(new Color[] {Color.WHITE, new Color(0x9ECAE1), new Color(0x08306B)});
    s.setMin(0);
    s.setMax(1);
    s.setShowValue(false);
    s.setDrawBorder(false);
    s.setPlotGridLinesVisible(false);
    s.setHeatMapDecimalValueFormatter(Charts::tick);
    s.setXAxisLabelRotation(0);
    // XChart thins crowded category labels unevenly (off their rows), so every category gets a
    // label: round values at a readable spacing, and distinct invisible ones in between
    double bucket = (to - from) / rows / unit.ns();
    double step = niceStep(bucket * rows / 10);
    List<String> xs = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      double t = Double.parseDouble(u.rows().get(i).get(0)) / unit.ns();
      // the bucket [t, t + bucket) that holds a multiple m of the step is labelled m
      double m = Math.ceil(t / step - 1e-9) * step;
      boolean holds = m < t + bucket * (1 - 1e-9);
      xs.add(holds ? Charts.tick(Math.round(m * 1e6) / 1e6) : TimelineChart.blank(i));
    }
    int every = nrCpus <= 24 ? 1 : nrCpus <= 48 ? 2 : nrCpus <= 96 ? 4 : 8;
    List<String> ys = new ArrayList<>();
    for (int c = 0; c < nrCpus; c++) {
      ys.add(c % every == 0 ? Integer.toString(c) : TimelineChart.blank(c));
    }
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < nrCpus; c++) {
        cells.add(new Number[] {i, c, Double.parseDouble(u.rows().get(i).get(c + 2))});
      }
    }
    chart.addSeries("busy fraction", xs, ys, cells);
    return chart;
  }

  /** The smallest of 1, 2, 5 × 10^k at least {@code x}. */
  static double niceStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= x * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
