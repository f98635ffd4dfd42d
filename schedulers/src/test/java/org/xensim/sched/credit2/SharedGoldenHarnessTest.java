package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.core.time.Time.us;
import static org.xensim.sched.credit2.TestWorkloads.hog;
import static org.xensim.sched.credit2.TestWorkloads.script;

import org.junit.jupiter.api.Test;

/**
 * The shared Credit2 goldens ({@code shared/golden/credit2-G6a/b}, {@code diff-credit2-p1..p3}),
 * with each scenario rebuilt directly on the generic layer (no scenario loader), so the model is
 * checked independently of the runner.
 */
class SharedGoldenHarnessTest {

  private static void check(String golden, Credit2Sim sim) {
    GoldenCheck g = GoldenCheck.resource("/golden/credit2/shared/" + golden + ".json");
    sim.runUntil(g.untilNs());
    assertThat(g.mismatches(sim.timeline.runs, sim.timeline.scheduleCallsBefore(g.untilNs())))
        .as(golden + " pCPU0: " + sim.timeline.runsOf(0) + "\npCPU1: " + sim.timeline.runsOf(1))
        .isEmpty();
  }

  @Test
  void g6aEqualWeights() {
    check("credit2-G6a", Credit2Sim.cpus(1)
        .domain("A", 256, 0, null, hog(0))
        .domain("B", 256, 0, null, hog(0)));
  }

  @Test
  void g6bWeights256To512() {
    check("credit2-G6b", Credit2Sim.cpus(1)
        .domain("A", 256, 0, null, hog(0))
        .domain("B", 512, 0, null, hog(0)));
  }

  @Test
  void diffP1() {
    check("diff-credit2-p1", new Credit2Sim(1, 2, 1, 1).boot("credit2_runqueue", "core")
        .domain("A", 128, 1, "0-1", hog(0))
        .domain("B", 256, 1, null, hog(0)));
  }

  @Test
  void diffP2() {
    check("diff-credit2-p2", new Credit2Sim(1, 2, 1, 1).boot("credit2_runqueue", "socket")
        .boot("sched_credit2_migrate_resist", 1000L)
        .domain("A", 256, 0, "all", hog(0))
        .domain("B", 977, 1, null, script(0, us(447), us(572), us(1578), us(2553), us(605),
            us(4158), us(1000), us(7982), us(2361), us(10693), us(971)))
        .domain("C", 256, 0, "0", hog(0)));
  }

  @Test
  void diffP3() {
    check("diff-credit2-p3", new Credit2Sim(2, 1, 1, 1).boot("credit2_runqueue", "core")
        .domain("A", 368, 0, "0-1", hog(0))
        .domain("B", 256, 1, null, script(0, us(477), us(1817), us(73), us(4710), us(261),
            us(21794), us(244), us(26131), us(59), us(31827), us(148), us(32975), us(1000),
            us(40594), us(158), us(48752), us(1000), us(51951), us(105)))
        .domain("C", 512, 0, "0-1", script(us(449), us(4309), us(9758), us(9000), us(46255),
            us(7093))));
  }
}
