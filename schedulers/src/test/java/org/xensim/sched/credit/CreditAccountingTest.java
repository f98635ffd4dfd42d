package org.xensim.sched.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_OVER;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_UNDER;

import org.junit.jupiter.api.Test;
import org.xensim.core.domain.VCpu;

/** {@code csched_acct()} arithmetic (spec §3.6), observed through whole small simulations. */
class CreditAccountingTest {

  private static String hogs(int pcpus, int vcpus, int weight, String duration) {
    return "name: acct\nduration: " + duration + "\n"
        + "host: {nodes: 1, sockets_per_node: 1, cores_per_socket: " + pcpus
        + ", threads_per_core: 1}\n"
        + "xen: {sched: credit}\n"
        + "domains:\n"
        + "  - {name: D, vcpus: " + vcpus + ", weight: " + weight
        + ", initial_cpu: 0, workload: {type: cpu-hog}}\n";
  }

  /**
   * 16 pCPUs, one domain of weight 65535 with 16 hog vCPUs, one per pCPU. All are active from
   * the 10 ms tick (prv.weight = 1 048 560) and at −200 after the 20 ms tick. At 30 ms Xen
   * computes credit_fair = ceil(4800 · 65535 · 16 / 1 048 560) in 32-bit unsigned arithmetic:
   * 4800 · 65535 · 16 = 5 033 088 000 wraps to 738 120 704, so credit_fair = 704 instead of
   * 4800; 704 &lt; credit_peak 4800, and each vCPU gets ceil(704 / 16) = 44: −200 + 44 = −156,
   * OVER; the 30 ms tick then burns 100 → −256. (With 64-bit arithmetic: 300 each → 100, UNDER,
   * then 0.)
   */
  @Test
  void weightProductsWrapIn32Bits() {
    CreditSim sim = CreditSim.of(hogs(16, 16, 65535, "30000001ns")).run();
    for (VCpu v : sim.vcpus()) {
      assertThat(CreditScheduler.creditOf(v)).as("credit of %s", v).isEqualTo(-256);
      assertThat(CreditScheduler.priOf(v)).as("pri of %s", v).isEqualTo(CSCHED_PRI_TS_OVER);
    }
    assertThat(sim.scheduler(0).priv().creditBalance).isEqualTo(-156 * 16);
  }

  /** The same with weight 256: no wrap, each vCPU gets its 300 → 100, then 0 after the tick. */
  @Test
  void withoutWrapEachSaturatedVcpuGetsOnePcpuWorth() {
    CreditSim sim = CreditSim.of(hogs(16, 16, 256, "30000001ns")).run();
    for (VCpu v : sim.vcpus()) {
      assertThat(CreditScheduler.creditOf(v)).as("credit of %s", v).isZero();
      assertThat(CreditScheduler.priOf(v)).isEqualTo(CSCHED_PRI_TS_UNDER);
    }
    assertThat(sim.scheduler(0).priv().creditBalance).isEqualTo(100 * 16);
  }

  /**
   * Credit is shared per domain weight per <em>active vCPU</em> (§3.6): 1 pCPU, domain D with 2
   * hog vCPUs and E with 1, all weight 256. D.0 runs [0,30) and is activated at 10; at 30 it
   * alone gets 300 (→ 100, then 0 after the tick). D.1 runs [30,60), E [60,90) (queue order of
   * the wakes: D.0, D.1, E, all BOOST until run). At 90 all three are active: weight_total 768,
   * credit_total 300; dE (activated last, head of active_sdom) fair ceil(300·256/768) = 100;
   * dD fair ceil(300·512/768) = 200 → 100 per vCPU. So each vCPU gets 100 at 90 ms: the domain
   * with two active vCPUs earns twice what E earns.
   */
  @Test
  void sharesAreByDomainWeightPerActiveVcpu() {
    String yaml = "name: per-vcpu\nduration: 90000001ns\n"
        + "host: {nodes: 1, sockets_per_node: 1, cores_per_socket: 1, threads_per_core: 1}\n"
        + "domains:\n"
        + "  - {name: D, vcpus: 2, workload: {type: cpu-hog}}\n"
        + "  - {name: E, vcpus: 1, workload: {type: cpu-hog}}\n";
    CreditSim sim = CreditSim.of(yaml).run();
    VCpu d0 = sim.vcpus().get(0);
    VCpu d1 = sim.vcpus().get(1);
    VCpu e = sim.vcpus().get(2);
    // 60: D has 2 active vCPUs (D.1 since 40), weight_total 512: fair ceil(300·512/512) = 300
    // < peak 600 → 150 per vCPU: D.1 −200 + 150 = −50 (tick → −150), D.0 0 + 150 = 150.
    // 90: +100 each: D.0 250, D.1 −50, E −200 (its 80 ms tick) + 100 = −100, tick → −200.
    assertThat(CreditScheduler.creditOf(d0)).isEqualTo(250);
    assertThat(CreditScheduler.creditOf(d1)).isEqualTo(-50);
    assertThat(CreditScheduler.creditOf(e)).isEqualTo(-200);
  }
}
