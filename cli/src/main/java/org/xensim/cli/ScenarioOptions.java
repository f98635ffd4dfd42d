package org.xensim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its overrides, shared by the commands that read a scenario. */
final class ScenarioOptions {
  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario YAML file.")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = {"Override any key by its path, e.g. --set xen.sched=credit2 or "
          + "--set domains[0].count=8. Repeatable."})
  List<String> sets = new ArrayList<>();

  @Option(names = "--seed", description = "Override the scenario's seed (default: the file's, else 1).")
  Long seed;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  void debug(boolean on) {
    Errors.debug = on;
  }

  /** The {@code --set} assignments, with {@code --seed} as one more. */
  List<String> allSets() {
    List<String> all = new ArrayList<>(sets);
    if (seed != null) {
      all.add("seed=" + seed);
    }
    return all;
  }

  Scenario load(ScenarioLoader loader) {
    Scenario s = loader.load(file, allSets());
    for (String w : loader.warnings()) {
      System.err.println("warning: " + w);
    }
    return s;
  }
}
