package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.sched.credit2.CreditMathTest.rq;
import static org.xensim.sched.credit2.CreditMathTest.svc;

import org.junit.jupiter.api.Test;
import org.xensim.core.domain.VCpu;

/**
 * {@code __update_runq_load()} / {@code __update_svc_load()} with the default window shift 18
 * (W = 262144), time in units of 1024 ns, unsigned 64-bit arithmetic (spec §4.10).
 */
class LoadTrackerTest {
  private static final long W = 1L << 18;
  private final LoadTracker lt = new LoadTracker(18);

  /** Load 2 for 1024 units from 0: (1024 · 2W + (W − 1024) · 0) ≫ 18 = 2048. */
  @Test
  void blendTowardsCurrentLoad() {
    Credit2Runqueue r = rq(256);
    r.load = 2;
    lt.updateRunqLoad(r, +1, 1024L << 10);
    assertThat(r.avgload).isEqualTo(2048);
    assertThat(r.bAvgload).isEqualTo(2048);
    assertThat(r.load).isEqualTo(3);
    assertThat(r.loadLastUpdate).isEqualTo(1024);
  }

  /** More than a whole window since the last update: the average jumps to load · W. */
  @Test
  void resetAfterAWholeWindow() {
    Credit2Runqueue r = rq(256);
    r.load = 3;
    r.avgload = 5;
    lt.updateRunqLoad(r, 0, (W + 1) << 10);
    assertThat(r.avgload).isEqualTo(3 * W);
    assertThat(r.bAvgload).isEqualTo(3 * W);
    // exactly one window later is still the blend: (W·3W + 0·avg) >> 18 = 3W
    Credit2Runqueue q = rq(256);
    q.load = 3;
    q.avgload = 5;
    lt.updateRunqLoad(q, 0, W << 10);
    assertThat(q.avgload).isEqualTo(3 * W);
  }

  /** Only whole 1024 ns units count: 1023 ns after the last update is δ = 0. */
  @Test
  void granularityIs1024ns() {
    Credit2Runqueue r = rq(256);
    r.load = 1;
    lt.updateRunqLoad(r, 0, 1023);
    assertThat(r.avgload).isZero();
  }

  /**
   * A negative b_avgload (−W/2, load 0) wraps: (W − 1000) · (2^64 − W/2) mod 2^64 =
   * 2^64 − 261144 · 131072, shifted right 18 = 2^46 − 130572 = 70 368 744 047 092 (quirk §4.15.7).
   */
  @Test
  void negativeBalancerLoadWrapsUnsigned() {
    Credit2Runqueue r = rq(256);
    r.bAvgload = -W / 2;
    lt.updateRunqLoad(r, 0, 1000L << 10);
    assertThat(r.bAvgload).isEqualTo(70_368_744_047_092L);
    assertThat(r.avgload).isZero();
  }

  /**
   * A vCPU's own load: change +1 means it was not runnable over the interval, −1 that it was;
   * 0 asks whether it is runnable now. From W/2 over 1000 units: not runnable → (W − 1000) · W/2
   * ≫ 18 = 130572; runnable → 1000 + 130572 = 131572.
   */
  @Test
  void vcpuLoad() {
    Credit2Vcpu s = svc(256, 0);
    s.avgload = W / 2;
    lt.updateSvcLoad(s, +1, 1000L << 10);
    assertThat(s.avgload).isEqualTo(130572);

    s.avgload = W / 2;
    s.loadLastUpdate = 0;
    lt.updateSvcLoad(s, -1, 1000L << 10);
    assertThat(s.avgload).isEqualTo(131572);

    s.avgload = W / 2;
    s.loadLastUpdate = 0;
    s.vcpu.setPauseFlag(VCpu.VPF_BLOCKED);
    lt.updateSvcLoad(s, 0, 1000L << 10);
    assertThat(s.avgload).isEqualTo(130572);
    assertThat(s.loadLastUpdate).isEqualTo(1000);
  }

  /** The minimum shift: W = 16, a vCPU starts at W/2 = 8. */
  @Test
  void smallWindowShiftIsRaisedToFour() {
    Credit2Options o = Credit2Options.from(new org.xensim.core.sched.SchedParams(
        java.util.Map.of("credit2_load_window_shift", 2L)));
    assertThat(o.loadWindowShift()).isEqualTo(4);
  }
}
