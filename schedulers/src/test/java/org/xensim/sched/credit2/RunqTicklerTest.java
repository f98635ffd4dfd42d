package org.xensim.sched.credit2;

import org.xensim.core.testsched.TestWorkloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.core.time.Time.ms;
import static org.xensim.core.time.Time.us;

import org.xensim.core.host.CpuMask;
import org.junit.jupiter.api.Test;

/**
 * The three steps of {@code sched_credit2.c:runq_tickle()} in the 4.7 order (spec §4.9), on one
 * runqueue ({@code all}) of three busy pCPUs: hogs A, B, D pinned to pCPUs 0, 1, 2, and X (blocked,
 * on pCPU 0) as the vCPU being tickled for. Credits are set by hand at 1 ms with every
 * {@code start_time} = now, so the burns inside the tickle change nothing.
 */
class RunqTicklerTest {

  private static Credit2Sim busyHost(String xCpus) {
    Credit2Sim sim = new Credit2Sim(1, 1, 3, 1).boot("credit2_runqueue", "all")
        .domain("A", 256, 0, "0", TestWorkloads.hog(0))
        .domain("B", 256, 1, "1", TestWorkloads.hog(0))
        .domain("D", 256, 2, "2", TestWorkloads.hog(0))
        .domain("X", 256, 0, xCpus, TestWorkloads.script(ms(1000), ms(1)));
    sim.runUntil(ms(1));
    return sim;
  }

  private static CpuMask tickle(Credit2Sim sim, int a, int b, int d, int x) {
    int[] credits = {a, b, d};
    String[] names = {"A", "B", "D"};
    for (int i = 0; i < 3; i++) {
      sim.svc(names[i]).credit = credits[i];
      sim.svc(names[i]).startTime = ms(1);
    }
    Credit2Vcpu xs = sim.svc("X");
    xs.credit = x;
    Credit2Runqueue rq = sim.scheduler().priv().rqd[0];
    assertThat(rq.idle.isEmpty()).isTrue();
    assertThat(rq.tickled.isEmpty()).isTrue();
    sim.scheduler().tickler().runqTickle(0, xs, ms(1));
    return rq.tickled.clone();
  }

  private static CpuMask cpus(int... c) {
    CpuMask b = new CpuMask();
    for (int i : c) {
      b.set(i);
    }
    return b;
  }

  /** Step 1: A 7.9 &lt; X 8.0 on X's own pCPU → pCPU 0, though B and D have even less. */
  @Test
  void ownPcpuFirst() {
    assertThat(tickle(busyHost(null), (int) us(7900), (int) us(7000), (int) us(7000),
        (int) us(8000))).isEqualTo(cpus(0));
  }

  /**
   * Step 3: A 9.0 ≥ X 8.0; no idle pCPU; B and D tie at 7.5 → the lowest pCPU, 1, since
   * 7.5 + 0.5 ≤ 8.0.
   */
  @Test
  void lowestCreditBusyPcpuTiesToLowestNumber() {
    assertThat(tickle(busyHost(null), (int) us(9000), (int) us(7500), (int) us(7500),
        (int) us(8000))).isEqualTo(cpus(1));
  }

  /** Step 3 with resistance: the lowest, 7.6, + 0.5 &gt; 8.0 → nobody is tickled. */
  @Test
  void migrationResistanceStopsThePreemption() {
    assertThat(tickle(busyHost(null), (int) us(9000), (int) us(7600), (int) us(7700),
        (int) us(8000))).isEqualTo(cpus());
  }

  /** Step 3 honours hard affinity: X may not run on pCPU 1, so D (7.5) on pCPU 2 is chosen. */
  @Test
  void hardAffinityInStepThree() {
    assertThat(tickle(busyHost("0,2"), (int) us(9000), (int) us(7000), (int) us(7500),
        (int) us(8000))).isEqualTo(cpus(2));
  }
}
