package org.xensim.plots;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.xensim.core.run.Table;

/**
 * Two results folders side by side (say credit and credit2 on one scenario): a table of figures
 * per domain and for the host, with the difference B − A and its relative size, and one chart of
 * two panels, CPU share and wake-latency p99 per domain.
 */
public final class Comparison {
  private static final String[][] DOMAIN_FIGURES = {
      {"share", "share"}, {"entitled_share", "entitled_share"},
      {"wake_p50_ns", "wake_latency_ns", "p50"}, {"wake_p99_ns", "wake_latency_ns", "p99"},
      {"wake_max_ns", "wake_latency_ns", "max"},
      {"preempt_wait_p99_ns", "preempt_wait_ns", "p99"}, {"preemptions", "preemptions"},
      {"migrations", "migrations"}, {"deadline_misses", "deadline_misses"},
      {"job_response_p99_ns", "job_response_ns", "p99"}, {"requests", "requests"},
      {"request_p99_ns", "request_response_ns", "p99"}};
  private static final String[][] HOST_FIGURES = {
      {"jain_fairness", "jain_fairness"}, {"worst_vcpu_deviation", "worst_vcpu_deviation"},
      {"utilisation", "utilisation"}, {"idle_while_runnable_ns", "idle_while_runnable_ns"},
      {"load_imbalance", "load_imbalance"}, {"wake_p50_ns", "wake_latency_ns", "p50"},
      {"wake_p99_ns", "wake_latency_ns", "p99"}, {"preempt_wait_p99_ns", "preempt_wait_ns", "p99"},
      {"schedule_calls", "schedule_calls"}, {"context_switches", "context_switches"},
      {"migrations", "migrations"}, {"ipis", "ipis"}, {"deadline_misses", "deadline_misses"},
      {"job_response_p99_ns", "job_response_ns", "p99"},
      {"request_p99_ns", "request_response_ns", "p99"}};

  private final ResultsFolder a;
  private final ResultsFolder b;
  private final String labelA;
  private final String labelB;

  /** Compares {@code a} (the baseline) with {@code b}, named in tables and charts as given. */
  public Comparison(ResultsFolder a, ResultsFolder b, String labelA, String labelB) {
    this.a = a;
    this.b = b;
    this.labelA = labelA;
    this.labelB = labelB;
  }

  /** Every domain of A, then those only B has. */
  private List<String> domains() {
    Set<String> all = new LinkedHashSet<>(a.domains());
    all.addAll(b.domains());
    return new ArrayList<>(all);
  }

  private static JsonNode domain(ResultsFolder r, String name) {
    for (JsonNode d : r.summary().get("domains")) {
      if (d.get("name").asText().equals(name)) {
        return d;
      }
    }
    return null;
  }

  private static JsonNode at(JsonNode n, String[] spec) {
    for (int i = 1; i < spec.length && n != null; i++) {
      n = n.get(spec[i]);
    }
    return n;
  }

  /** Rows {@code item, figure, A, B, difference, relative} (relative = (B − A) / |A|). */
  public Table table() {
    Table t = new Table(List.of("item", "figure", labelA, labelB, "difference", "relative"));
    for (String d : domains()) {
      JsonNode da = domain(a, d);
      JsonNode db = domain(b, d);
      for (String[] f : DOMAIN_FIGURES) {
        row(t, d, f[0], da == null ? null : at(da, f), db == null ? null : at(db, f));
      }
    }
    for (String[] f : HOST_FIGURES) {
      row(t, "host", f[0], at(a.summary().get("totals"), f), at(b.summary().get("totals"), f));
    }
    return t;
  }

  private static void row(Table t, String item, String figure, JsonNode x, JsonNode y) {
    double va = Table.value(x);
    double vb = Table.value(y);
    double diff = vb - va;
    String rel = Double.isNaN(diff) || va == 0 ? ""
        : String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * diff / Math.abs(va));
    t.add(List.of(item, figure, Table.cell(x), Table.cell(y), Table.num(diff), rel));
  }

  /**
   * Draws {@code compare.png} and {@code compare.svg} into {@code dir}. Above
   * {@value Charts#MAX_BARS} domains the panels show domain groups (name without {@code -N}):
   * shares summed, p99 the worst member's.
   */
  public List<Path> draw(Path dir) {
    List<String> names = domains();
    boolean grouped = names.size() > Charts.MAX_BARS;
    List<String> keys = new ArrayList<>();
    for (String n : names) {
      String k = grouped ? TimelineChart.group(n) : n;
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    String by = grouped ? "domain group" : "domain";
    CategoryChart share = panel("CPU share per " + by + ": " + labelA + " vs " + labelB,
        "CPU share (pCPUs)" + (grouped ? ", summed" : ""), by, keys.size());
    CategoryChart p99 = panel("Wake-to-run latency p99 per " + by + ": " + labelA + " vs "
        + labelB, "wake latency p99 (\u00b5s)" + (grouped ? ", worst member" : ""), by,
        keys.size());
    String[] shareSpec = {"share", "share"};
    String[] p99Spec = {"p99", "wake_latency_ns", "p99"};
    series(share, labelA, keys, grouped, a, shareSpec, 1, false, Charts.color(0));
    series(share, labelB, keys, grouped, b, shareSpec, 1, false, Charts.color(1));
    series(p99, labelA, keys, grouped, a, p99Spec, 1e3, true, Charts.color(0));
    series(p99, labelB, keys, grouped, b, p99Spec, 1e3, true, Charts.color(1));
    return Charts.saveStacked(List.<Chart<?, ?>>of(share, p99), dir, "compare");
  }

  private static CategoryChart panel(String title, String yTitle, String xTitle, int domains) {
    CategoryChart c = new CategoryChartBuilder().width(Charts.WIDTH).height(440).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Charts.style(c.getStyler());
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("0.###");
    c.getStyler().setAvailableSpaceFill(0.7);
    c.getStyler().setXAxisLabelRotation(domains > 12 ? 60 : 0);
    c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
    return c;
  }

  /** One bar per key: the domain's figure, or the group's sum ({@code worst}: maximum). */
  private static void series(CategoryChart c, String label, List<String> keys, boolean grouped,
      ResultsFolder r, String[] spec, double scale, boolean worst, Color color) {
    List<Double> ys = new ArrayList<>();
    List<Double> es = new ArrayList<>();
    for (String k : keys) {
      double y = 0;
      double e = 0;
      for (JsonNode d : r.summary().get("domains")) {
        String name = d.get("name").asText();
        if (!(grouped ? TimelineChart.group(name) : name).equals(k)) {
          continue;
        }
        JsonNode v = at(d, spec);
        double vy = Table.value(v);
        double ve = Table.ci95(v);
        vy = Double.isNaN(vy) ? 0 : vy / scale;
        ve = Double.isNaN(ve) ? 0 : ve / scale;
        if (worst) {
          if (vy >= y) {
            y = vy;
            e = ve;
          }
        } else {
          y += vy;
          e += ve;
        }
      }
      ys.add(y);
      es.add(e);
    }
    CategorySeries s = c.addSeries(label, keys, ys, es);
    s.setFillColor(color);
  }
}
