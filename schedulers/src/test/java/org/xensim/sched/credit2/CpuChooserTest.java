package org.xensim.sched.credit2;

import org.xensim.core.testsched.TestWorkloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.core.time.Time.ms;

import org.xensim.core.host.CpuMask;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xensim.core.random.RandomStreams;

/**
 * {@code choose_cpu()} and the {@code migrate} hook (spec §4.13), on blocked vCPUs (their
 * scripts wake far in the future), W = 2^18; every vCPU starts with avgload W/2.
 */
class CpuChooserTest {
  private static final long W = 1L << 18;

  /** Two cores, per-core runqueues rq0 {0} (X, Y) and rq1 {1} (Z): b_avgload W and W/2. */
  private static Credit2Sim twoRunqueues() {
    return new Credit2Sim(1, 1, 2, 1)
        .domain("X", 256, 0, null, TestWorkloads.script(ms(1000), ms(1)))
        .domain("Y", 256, 0, null, TestWorkloads.script(ms(1000), ms(1)))
        .domain("Z", 256, 1, null, TestWorkloads.script(ms(1000), ms(1))).build();
  }

  /**
   * X's own runqueue counts W − W/2 = W/2, rq1 W/2: not strictly lower, so rq0 (lowest id
   * wins ties). Z's own rq1 counts 0 &lt; W.
   */
  @Test
  void lowestLoadWithOwnLoadLeftOut() {
    Credit2Sim sim = twoRunqueues();
    Credit2Scheduler s = sim.scheduler();
    assertThat(s.pickCpu(sim.vcpus.get("X"))).isZero();
    assertThat(s.pickCpu(sim.vcpus.get("Z"))).isEqualTo(1);
  }

  /** A runqueue outside the hard affinity is never chosen. */
  @Test
  void hardAffinityExcludesRunqueues() {
    Credit2Sim sim = twoRunqueues();
    sim.vcpus.get("Z").hardAffinity().clear();
    sim.vcpus.get("Z").hardAffinity().set(0);
    assertThat(sim.scheduler().pickCpu(sim.vcpus.get("Z"))).isZero();
  }

  /** A balancer request wins over the loads and is consumed. */
  @Test
  void migrateRequestWins() {
    Credit2Sim sim = twoRunqueues();
    Credit2Vcpu z = sim.svc("Z");
    z.migrateRqd = sim.scheduler().priv().rqd[0];
    z.setFlag(Credit2Constants.CSFLAG_RUNQ_MIGRATE_REQUEST);
    assertThat(sim.scheduler().pickCpu(z.vcpu)).isZero();
    assertThat(z.hasFlag(Credit2Constants.CSFLAG_RUNQ_MIGRATE_REQUEST)).isFalse();
    assertThat(sim.scheduler().pickCpu(z.vcpu)).isEqualTo(1);
  }

  /**
   * An affinity change through the generic layer ({@code vcpu_set_affinity} → sleep →
   * {@code vcpu_migrate} → pick → migrate hook): blocked X pinned to pCPU 1 moves to rq1 at
   * once; b_avgload follows (rq0 W → W/2, rq1 W/2 → W); it stays blocked and unqueued.
   */
  @Test
  void affinityChangeMovesABlockedVcpuSilently() {
    Credit2Sim sim = twoRunqueues();
    CpuMask one = new CpuMask();
    one.set(1);
    sim.layer().setAffinity(sim.vcpus.get("X"), one, true);
    Credit2Vcpu x = sim.svc("X");
    Credit2Private prv = sim.scheduler().priv();
    assertThat(x.rqd).isSameAs(prv.rqd[1]);
    assertThat(x.vcpu.processor()).isEqualTo(1);
    assertThat(x.onRunq).isFalse();
    assertThat(prv.rqd[0].bAvgload).isEqualTo(W / 2);
    assertThat(prv.rqd[1].bAvgload).isEqualTo(W);
    assertThat(prv.rqd[0].svc).extracting(v -> v.vcpu.domain().name()).containsExactly("Y");
  }

  /**
   * Within the chosen runqueue the pCPU is {@code cpumask_any()}: a uniform draw from the stream
   * {@code credit2.cpumask_any} of the scenario seed (spec §9 rule 9). Two cores of two threads,
   * per-core runqueues; V alone on pCPU 0: its own runqueue counts W/2 − W/2 = 0 and rq1 0, not
   * strictly lower, so rq0 (lowest id), then one draw among its pCPUs {0,1} per pick.
   */
  @Test
  void pcpuWithinRunqueueIsDrawnFromTheNamedStream() {
    for (long seed = 1; seed <= 8; seed++) {
      Credit2Sim sim = new Credit2Sim(1, 1, 2, 2).seed(seed)
          .domain("V", 256, 0, null, TestWorkloads.script(ms(1000), ms(1))).build();
      UniformRandomProvider rng = new RandomStreams(seed, 0).stream("credit2.cpumask_any");
      int expected1 = rng.nextInt(2);
      int expected2 = rng.nextInt(2);
      assertThat(sim.scheduler().pickCpu(sim.vcpus.get("V"))).isEqualTo(expected1);
      assertThat(sim.scheduler().pickCpu(sim.vcpus.get("V"))).isEqualTo(expected2);
    }
  }
}
