package org.xensim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.run.Sweep;
import org.xensim.core.scenario.Overrides;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code xensim validate FILE}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a scenario, and every point of its sweep: grid, and print every "
        + "problem with its field path.",
        "Exit status 0 if it is fine, 2 if not."})
final class ValidateCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Override
  public Integer call() {
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    Scenario s = scenario.load(loader);
    new ReplicationRun(s, 0); // builds the host: catches placement problems too
    String points = "";
    if (s.sweep() != null) {
      ObjectNode tree = ScenarioLoader.readTree(scenario.file);
      for (String set : scenario.allSets()) {
        Overrides.apply(tree, set);
      }
      Sweep sweep = Sweep.plan(tree, s.name(), loader);
      points = ", sweep of " + sweep.points().size() + " point(s)";
    }
    System.out.println(scenario.file + ": ok (" + s.topology() + ", " + s.domains().size()
        + " domain(s), " + s.pools().size() + " pool(s)" + points + ")");
    return 0;
  }
}
