package org.xensim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xensim.core.run.Sweep;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.plots.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xensim plot DIR}. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Redraw the plots of a results folder (timeline, shares, latency, "
        + "utilisation) or of a sweep folder (sweep-<figure>), as PNG and SVG, from the data in "
        + "the folder."})
final class PlotCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR",
      description = "A results folder (xensim run) or a sweep folder (xensim sweep).")
  Path dir;

  @Option(names = "--kind", paramLabel = "KIND", split = ",",
      description = "Plot kinds of a results folder (default: all): timeline, shares, latency, "
          + "utilisation.")
  List<String> kinds = new ArrayList<>();

  @Option(names = "--window", paramLabel = "FROM..TO",
      description = "Part of the recorded timeline to draw, in simulated time from t = 0, e.g. "
          + "10ms..30ms (default: all that was recorded, output.timeline).")
  String window;

  @Option(names = "--metric", paramLabel = "COLUMN",
      description = "Sweep folders: a sweep.csv column to chart (repeatable; default: "
          + "jain_fairness and wake_p99_ns).")
  List<String> metrics = new ArrayList<>();

  @Override
  public Integer call() {
    List<Path> written;
    if (Files.isRegularFile(dir.resolve(Sweep.CSV)) && !Files.exists(dir.resolve("summary.json"))) {
      if (!kinds.isEmpty() || window != null) {
        throw new ScenarioException(dir + " is a sweep folder \u2014 expected --metric COLUMN "
            + "there; --kind and --window apply to results folders (a point's folder inside it)");
      }
      written = Plots.drawSweep(dir, metrics);
    } else {
      if (!metrics.isEmpty()) {
        throw new ScenarioException("--metric applies to sweep folders \u2014 expected a folder "
            + "written by xensim sweep (with sweep.csv); " + dir + " is not one");
      }
      List<String> k = kinds.isEmpty() ? Scenario.Output.PLOT_KINDS : kinds;
      written = Plots.drawRun(dir, k, window());
    }
    for (Path p : written) {
      System.out.println(p);
    }
    return 0;
  }

  private Plots.Window window() {
    if (window == null) {
      return Plots.Window.RECORDED;
    }
    String[] parts = window.split("\\.\\.", -1);
    if (parts.length != 2) {
      throw new ScenarioException("--window " + window + " \u2014 expected FROM..TO, e.g. "
          + "10ms..30ms (either side may be empty)");
    }
    Long from = parts[0].isBlank() ? null : ScenarioLoader.parseDuration(parts[0], "--window");
    Long to = parts[1].isBlank() ? null : ScenarioLoader.parseDuration(parts[1], "--window");
    return new Plots.Window(from, to);
  }
}
