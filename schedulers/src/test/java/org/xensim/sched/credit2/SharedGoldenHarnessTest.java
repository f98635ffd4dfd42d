package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared Credit2 goldens ({@code shared/golden/credit2-G6a/b}, derived by hand in
 * {@code shared/golden-examples.md}, and {@code diff-credit2-p1..p3}, measured on Xen 4.7's own
 * {@code sched_credit2.c}), each scenario read from its YAML and run directly on sim-core's
 * generic layer, so the model is checked independently of the scenario runner.
 */
class SharedGoldenHarnessTest {

  static void check(String dir, String golden) {
    Credit2Sim sim = ScenarioYaml.load(dir + golden + ".yaml");
    GoldenCheck g = GoldenCheck.resource(dir + golden + ".json");
    sim.runUntil(g.untilNs());
    StringBuilder got = new StringBuilder(golden);
    for (int c = 0; c < 4; c++) {
      got.append("\n pCPU").append(c).append(": ").append(sim.timeline.runsOf(c));
    }
    assertThat(g.mismatches(sim.timeline.runs, sim.timeline.scheduleCallsBefore(g.untilNs())))
        .as(got.toString()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"credit2-G6a", "credit2-G6b", "diff-credit2-p1", "diff-credit2-p2",
      "diff-credit2-p3"})
  void sharedGolden(String name) {
    check("/golden/credit2/shared/", name);
  }
}
