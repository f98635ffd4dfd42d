package org.xensim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.run.Sweep;
import org.xensim.core.run.Table;
import org.xensim.core.scenario.Overrides;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.plots.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xensim sweep FILE}. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the scenario's sweep: grid, points in parallel, into DIR: one results "
        + "folder per point, sweep.csv (one row per point: the swept keys, then totals and "
        + "per-domain figures, each with a _ci95 column when replicated), sweep.json and the "
        + "sweep charts.",
        "Resumable: points already in DIR/sweep.csv (same scenario) are skipped."})
final class SweepCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "The sweep folder (default: output.dir if the scenario sets it, else "
          + "results/<name>-sweep).")
  Path output;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Points run at once (default: the number of cores, ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  /** Refuses a {@code --jobs} below 1. */
  private void checkJobs() {
    if (jobs < 1) {
      throw new org.xensim.core.scenario.ScenarioException("--jobs " + jobs
          + " \u2014 expected at least 1 (points run at once)");
    }
  }

  @Option(names = "--metric", paramLabel = "COLUMN",
      description = "A sweep.csv column to chart against the swept key (repeatable; default: "
          + "jain_fairness and wake_p99_ns).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--no-plots", description = "Draw no plots, for the points nor the sweep.")
  boolean noPlots;

  @Override
  public Integer call() {
    checkJobs();
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    ObjectNode tree = ScenarioLoader.readTree(scenario.file);
    for (String set : scenario.allSets()) {
      Overrides.apply(tree, set);
    }
    String base = scenario.file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Sweep sweep = Sweep.plan(tree, base, loader);
    sweep.warnings().forEach(w -> System.err.println("warning: " + w));
    Path dir = output != null ? output
        : Path.of(tree.path("output").has("dir") ? tree.path("output").path("dir").asText()
            : "results/" + sweep.name() + "-sweep");
    long started = System.nanoTime();
    Sweep.Outcome out;
    try (Progress bar = Progress.start("sweep", sweep.points().size(), "points", 1)) {
      out = sweep.run(dir, jobs, new Sweep.Listener() {
        @Override
        public void started(int toRun, int skipped) {
          bar.stepTo(skipped);
          if (skipped > 0) {
            System.err.printf(Locale.ROOT, "%d of %d points already in %s, skipped%n", skipped,
                sweep.points().size(), dir.resolve(Sweep.CSV));
          }
        }

        @Override
        public void pointDone(Sweep.Point p) {
          bar.step();
          bar.extra(p.label());
        }
      }, pointPlots());
    }
    if (!noPlots) {
      try {
        Plots.drawSweep(dir, metrics);
      } catch (ScenarioException e) {
        List<String> p = new ArrayList<>(e.problems());
        p.add("the sweep itself is complete in " + dir + "; draw its charts with xensim plot "
            + dir + " --metric COLUMN");
        throw new ScenarioException(p);
      }
    }
    List<String> shown = !metrics.isEmpty() ? metrics
        : !sweep.points().get(0).scenario().output().sweepMetrics().isEmpty()
            ? sweep.points().get(0).scenario().output().sweepMetrics()
            : Plots.DEFAULT_SWEEP_METRICS;
    System.out.print(table(sweep, out.table(), shown));
    System.err.printf(Locale.ROOT, "%d point(s) run, %d skipped; sweep.csv in %s (%.2f s)%n",
        out.ran(), out.skipped(), dir, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /** Each point draws what its scenario asks for ({@code output.plots}), as a run would. */
  private BiConsumer<Scenario, Path> pointPlots() {
    if (noPlots) {
      return null;
    }
    return (s, d) -> {
      if (!s.output().plots().isEmpty()) {
        Plots.drawRun(d, s.output().plots(), Plots.Window.RECORDED);
      }
    };
  }

  /** The swept keys, the charted figures and the host's utilisation, per point. */
  static String table(Sweep sweep, Table csv, List<String> figures) {
    List<String> keys = sweep.axes().stream().map(Sweep.Axis::key).toList();
    List<String> cols = new ArrayList<>(figures);
    if (!cols.contains("utilisation")) {
      cols.add("utilisation");
    }
    List<String> header = new ArrayList<>(keys);
    header.addAll(cols);
    Table t = new Table(header);
    for (List<String> row : csv.rows()) {
      List<String> cells = new ArrayList<>();
      keys.forEach(k -> cells.add(row.get(csv.header().indexOf(k))));
      for (String f : cols) {
        int i = csv.header().indexOf(f);
        String v = i < 0 ? "" : row.get(i);
        if (!v.isEmpty()) {
          v = format(f, Double.parseDouble(v));
          int c = csv.header().indexOf(f + "_ci95");
          if (c >= 0 && !row.get(c).isEmpty() && Double.parseDouble(row.get(c)) > 0) {
            v += " \u00b1" + format(f, Double.parseDouble(row.get(c)));
          }
        }
        cells.add(v);
      }
      t.add(cells);
    }
    return t.toText();
  }

  private static String format(String column, double x) {
    if (column.endsWith("_ns")) {
      return RunCommand.us(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(x));
    }
    if (column.equals("utilisation") || column.endsWith("deviation")) {
      return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
    return String.format(Locale.ROOT, "%.4f", x);
  }
}
