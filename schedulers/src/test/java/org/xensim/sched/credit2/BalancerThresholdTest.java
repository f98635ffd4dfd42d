package org.xensim.sched.credit2;

import org.xensim.core.testsched.TestWorkloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.core.time.Time.ms;

import org.junit.jupiter.api.Test;

/**
 * {@code balance_load()}'s threshold uses the runqueue the loop visited last, not the chosen one
 * (quirk §4.15.5). Three single-pCPU runqueues (per-core); loads set by hand with every
 * {@code load_last_update} at the current instant (δ = 0 keeps non-negative averages as they
 * are). Balancing from rq0 with b_avgload 0.9 W: rq1 (0) differs by 0.9 W, rq2 (1.2 W) by 0.3 W,
 * so rq1 is chosen. With rq1 in the threshold, load_max = 0.9 W &lt; W → under-loaded, and
 * 0.9 W &lt; W → no move. 4.7 takes rq2 (the last visited): load_max = 1.2 W ≥ W → over-loaded,
 * 0.9 W ≥ W/8 → balance: pushing blocked X (0.45 W) leaves |0.45 W − 0.45 W| = 0, so X moves to
 * rq1 at once (it is neither running nor queued), on its only pCPU 1.
 */
class BalancerThresholdTest {
  private static final long W = 1L << 18;

  @Test
  void thresholdUsesLastVisitedRunqueue() {
    Credit2Sim sim = new Credit2Sim(1, 1, 3, 1)
        .domain("X", 256, 0, null, TestWorkloads.script(ms(1000), ms(1))).build();
    Credit2Private prv = sim.scheduler().priv();
    prv.rqd[0].bAvgload = 9 * W / 10;
    prv.rqd[1].bAvgload = 0;
    prv.rqd[2].bAvgload = 12 * W / 10;
    Credit2Vcpu x = sim.svc("X");
    x.avgload = 45 * W / 100;
    sim.scheduler().balancer().balanceLoad(0, 0);
    assertThat(x.rqd.id).isEqualTo(1);
    assertThat(x.vcpu.processor()).isEqualTo(1);
    assertThat(prv.rqd[0].bAvgload).isEqualTo(9 * W / 10 - 45 * W / 100);
    assertThat(prv.rqd[1].bAvgload).isEqualTo(45 * W / 100);
    assertThat(prv.rqd[0].balancedOut).isEqualTo(1);
  }

  /** The same loads with rq2 at 0.95 W (last visited, still under W): nothing moves. */
  @Test
  void underLoadedNeedsAWholeVcpuOfDifference() {
    Credit2Sim sim = new Credit2Sim(1, 1, 3, 1)
        .domain("X", 256, 0, null, TestWorkloads.script(ms(1000), ms(1))).build();
    Credit2Private prv = sim.scheduler().priv();
    prv.rqd[0].bAvgload = 9 * W / 10;
    prv.rqd[2].bAvgload = 95 * W / 100;
    sim.svc("X").avgload = 45 * W / 100;
    sim.scheduler().balancer().balanceLoad(0, 0);
    assertThat(sim.svc("X").rqd.id).isZero();
    assertThat(prv.rqd[0].balanceCalls).isEqualTo(1);
  }
}
