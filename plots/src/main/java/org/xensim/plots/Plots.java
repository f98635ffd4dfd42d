package org.xensim.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.xensim.core.run.Sweep;
import org.xensim.core.run.Table;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioException;

/**
 * Draws the plots of a results folder from what the folder holds ({@code summary.json} and the
 * plot-data CSVs), so {@code xensim run} and {@code xensim plot DIR} draw the same pictures.
 * Every chart is written as PNG and SVG beside {@code summary.json}:
 *
 * <table>
 *   <caption>plot kinds</caption>
 *   <tr><th>kind</th><th>files</th><th>from</th></tr>
 *   <tr><td>timeline</td><td>timeline</td><td>timeline.csv</td></tr>
 *   <tr><td>shares</td><td>shares</td><td>summary.json</td></tr>
 *   <tr><td>latency</td><td>latency, preempt_wait</td><td>latency_cdf.csv</td></tr>
 *   <tr><td>utilisation</td><td>utilisation</td><td>utilisation.csv</td></tr>
 * </table>
 */
public final class Plots {
  private Plots() {}

  /** The sweep figures drawn when none are named. */
  public static final List<String> DEFAULT_SWEEP_METRICS = List.of("jain_fairness", "wake_p99_ns");

  /**
   * Draws a sweep folder's charts, one per figure ({@code sweep-FIGURE.png} and {@code .svg}),
   * from {@code sweep.json} and {@code sweep.csv}.
   *
   * @param metrics columns of {@code sweep.csv} to draw (empty: the scenario's
   *     {@code output.sweep_metrics} as {@code sweep.json} holds them, else
   *     {@link #DEFAULT_SWEEP_METRICS})
   * @throws ScenarioException for a folder that is not a sweep folder or an unknown column
   */
  public static List<Path> drawSweep(Path dir, List<String> metrics) {
    if (!Files.isRegularFile(dir.resolve(Sweep.CSV)) || !Files.isRegularFile(dir.resolve(Sweep.META))) {
      throw new ScenarioException(dir + ": not a sweep folder (no sweep.csv and sweep.json) "
          + "\u2014 expected a folder written by xensim sweep");
    }
    JsonNode meta;
    Table csv;
    try {
      meta = new ObjectMapper().readTree(Files.readString(dir.resolve(Sweep.META)));
      csv = Table.parseCsv(Files.readString(dir.resolve(Sweep.CSV)));
    } catch (IOException | IllegalArgumentException e) {
      throw new ScenarioException(dir + ": cannot read sweep.json and sweep.csv ("
          + e.getMessage() + ") \u2014 expected the files xensim sweep wrote");
    }
    List<String> fromScenario = new ArrayList<>();
    meta.path("metrics").forEach(m -> fromScenario.add(m.asText()));
    List<String> wanted = !metrics.isEmpty() ? metrics
        : !fromScenario.isEmpty() ? fromScenario : DEFAULT_SWEEP_METRICS;
    List<SweepChart.Axis> axes = SweepChart.axes(meta);
    List<String> numeric = new ArrayList<>();
    for (String c : csv.header()) {
      if (!c.endsWith("_ci95") && axes.stream().noneMatch(a -> a.key().equals(c))
          && !List.of("point", "hash", "replications", "worst_vcpu").contains(c)) {
        numeric.add(c);
      }
    }
    for (String m : wanted) {
      if (!numeric.contains(m)) {
        throw new ScenarioException("--metric " + m + ": not a figure of " + dir.resolve(Sweep.CSV)
            + " \u2014 expected one of " + String.join(", ", numeric));
      }
    }
    List<Path> out = new ArrayList<>();
    if (csv.rows().isEmpty()) {
      return out;
    }
    for (String m : wanted) {
      out.addAll(Charts.save(SweepChart.build(meta.path("scenario").asText(), axes, csv, m), dir,
          "sweep-" + m.replaceAll("[^A-Za-z0-9._-]+", "_")));
    }
    return out;
  }

  /** A part of the recorded timeline window to draw; null bounds mean the recorded ones. */
  public record Window(Long fromNs, Long toNs) {
    public static final Window RECORDED = new Window(null, null);
  }

  /** Starts initialising Java2D in the background, to overlap a run that will draw plots. */
  public static void warmUpInBackground() {
    Charts.warmUpInBackground();
  }

  /**
   * Draws {@code kinds} (names of {@link Scenario.Output#PLOT_KINDS}) into the results folder
   * {@code dir}.
   *
   * @return the files written
   * @throws ScenarioException for a folder that is not a results folder, an unknown kind, or a
   *     window outside the recorded one
   */
  public static List<Path> drawRun(Path dir, List<String> kinds, Window window) {
    ResultsFolder r = ResultsFolder.read(dir);
    for (String k : kinds) {
      if (!Scenario.Output.PLOT_KINDS.contains(k)) {
        throw new ScenarioException("plot kind " + k + " \u2014 expected one of "
            + String.join(", ", Scenario.Output.PLOT_KINDS));
      }
    }
    List<Path> out = new ArrayList<>();
    for (String k : Scenario.Output.PLOT_KINDS) {
      if (!kinds.contains(k)) {
        continue;
      }
      switch (k) {
        case "timeline" -> {
          Table t = r.csv("timeline.csv");
          JsonNode w = r.summary().get("timeline_window");
          if (t != null && w != null) {
            long from = w.get("from_ns").asLong();
            long to = w.get("to_ns").asLong();
            long a = window.fromNs() == null ? from : window.fromNs();
            long b = window.toNs() == null ? to : window.toNs();
            if (a < from || b > to || b <= a) {
              throw new ScenarioException("--window " + a + "ns.." + b + "ns \u2014 expected a "
                  + "window within the recorded one, " + from + "ns.." + to + "ns (set "
                  + "output.timeline: {from: …, to: …} in the scenario to record another)");
            }
            out.addAll(Charts.save(TimelineChart.build(r, t, a, b), dir, "timeline"));
          }
        }
        case "shares" -> out.addAll(Charts.save(ShareChart.build(r), dir, "shares"));
        case "latency" -> {
          Table cdf = r.csv("latency_cdf.csv");
          if (cdf != null) {
            XYChart wake = LatencyChart.build(r, cdf, "wake");
            if (wake != null) {
              out.addAll(Charts.save(wake, dir, "latency"));
            }
            XYChart preempt = LatencyChart.build(r, cdf, "preempt");
            if (preempt != null) {
              out.addAll(Charts.save(preempt, dir, "preempt_wait"));
            }
          }
        }
        case "utilisation" -> {
          Table u = r.csv("utilisation.csv");
          if (u != null && !u.rows().isEmpty()) {
            out.addAll(Charts.save(UtilisationChart.build(r, u), dir, "utilisation"));
          }
        }
        default -> throw new IllegalStateException(k);
      }
    }
    return out;
  }
}
