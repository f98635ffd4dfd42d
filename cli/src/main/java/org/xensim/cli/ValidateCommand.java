package org.xensim.cli;

import java.util.concurrent.Callable;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code xensim validate FILE}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a scenario and print every problem with its field path.",
        "Exit status 0 if it is fine, 2 if not."})
final class ValidateCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Override
  public Integer call() {
    Scenario s = scenario.load(ScenarioLoader.withInstalledProviders());
    new ReplicationRun(s, 0); // builds the host: catches placement problems too
    System.out.println(scenario.file + ": ok (" + s.topology() + ", " + s.domains().size()
        + " domain(s), " + s.pools().size() + " pool(s))");
    return 0;
  }
}
