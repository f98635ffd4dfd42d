package org.xensim.plots;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.xensim.core.run.Table;

/**
 * CPU share against entitlement per domain: two bars per domain (what it got, what it was
 * entitled to, in pCPUs), with 95 % confidence intervals as error bars when replicated. Above
 * {@value Charts#MAX_BARS} domains, domains are summed by group (name without the {@code -N}
 * suffix).
 */
final class ShareChart {
  private ShareChart() {}

  static CategoryChart build(ResultsFolder r) {
    Map<String, double[]> rows = new LinkedHashMap<>();
    boolean grouped = r.domains().size() > Charts.MAX_BARS;
    for (JsonNode d : r.summary().get("domains")) {
      String k = grouped ? TimelineChart.group(d.get("name").asText()) : d.get("name").asText();
      double[] v = rows.computeIfAbsent(k, x -> new double[4]);
      v[0] += Table.value(d.get("share"));
      v[1] += Table.value(d.get("entitled_share"));
      v[2] += nz(Table.ci95(d.get("share")));
      v[3] += nz(Table.ci95(d.get("entitled_share")));
    }
    List<String> names = new ArrayList<>(rows.keySet());
    CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title("CPU share against entitlement (" + r.scenario() + ", " + r.schedulers() + ")"
            + (grouped ? ", domains summed by group" : ""))
        .xAxisTitle(grouped ? "domain group" : "domain")
        .yAxisTitle("CPU share (pCPUs)").build();
    Charts.style(chart.getStyler());
    var s = chart.getStyler();
    s.setYAxisMin(0.0);
    s.setAvailableSpaceFill(0.7);
    s.setXAxisLabelRotation(names.size() > 12 ? 60 : 0);
    s.setErrorBarsColor(Color.DARK_GRAY);
    s.setYAxisDecimalPattern("0.###");
    boolean ci = r.summary().has("replications");
    List<Double> got = new ArrayList<>();
    List<Double> entitled = new ArrayList<>();
    List<Double> gotCi = new ArrayList<>();
    List<Double> entCi = new ArrayList<>();
    for (double[] v : rows.values()) {
      got.add(v[0]);
      entitled.add(v[1]);
      gotCi.add(v[2]);
      entCi.add(v[3]);
    }
    CategorySeries a = ci ? chart.addSeries("CPU share", names, got, gotCi)
        : chart.addSeries("CPU share", names, got);
    a.setFillColor(Charts.color(0));
    CategorySeries b = ci ? chart.addSeries("entitled share", names, entitled, entCi)
        : chart.addSeries("entitled share", names, entitled);
    b.setFillColor(new Color(0xBAB0AC));
    return chart;
  }

  private static double nz(double x) {
    return Double.isNaN(x) ? 0 : x;
  }
}
