package org.xensim.core.scenario;

import java.util.List;
import org.xensim.core.sched.SchedulerRegistry;
import org.xensim.core.testsched.FifoProvider;
import org.xensim.core.testsched.TestWorkloads;
import org.xensim.core.workload.WorkloadRegistry;

/** Loads scenarios from YAML text with the test scheduler and test workloads. */
public final class TestScenarios {
  private TestScenarios() {}

  public static ScenarioLoader loader() {
    return new ScenarioLoader(new SchedulerRegistry(List.of(new FifoProvider())),
        new WorkloadRegistry(List.of(new TestWorkloads.Hog(), new TestWorkloads.Burst())));
  }

  public static Scenario load(String yaml, String... sets) {
    var tree = ScenarioLoader.readTree(yaml, "test.yaml");
    for (String s : sets) {
      Overrides.apply(tree, s);
    }
    return loader().build(tree, "test");
  }
}
