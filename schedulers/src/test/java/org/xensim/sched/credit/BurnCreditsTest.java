package org.xensim.sched.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.xensim.core.host.CpuMask;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedParams;

/** {@code burn_credits()} and the ±now bookkeeping of csched_schedule() (spec §3.5). */
class BurnCreditsTest {
  private static final long US = 1_000;

  private static CreditVcpu svc() {
    Domain d = new Domain(0, "D", 0, SchedParams.EMPTY, false);
    CpuMask all = new CpuMask();
    all.set(0);
    VCpu v = new VCpu(1, d, 0, 0, all, all.clone(), SchedParams.EMPTY);
    CreditDom sdom = new CreditDom(d, 256, 0);
    return new CreditVcpu(v, sdom, CreditConstants.CSCHED_PRI_TS_UNDER);
  }

  /**
   * The spec's example of the remainder kept twice: 150 µs → 1 credit, residual 500 000,
   * start_time +100 µs; a second burn at the same instant sees 50 µs → 500 000 + 500 000 → one
   * more credit and start_time 50 µs after now; a burn with delta ≤ 0 then does nothing.
   */
  @Test
  void remainderIsKeptTwice() {
    CreditVcpu s = svc();
    s.burnCredits(150 * US);
    assertThat(s.credit).isEqualTo(-1);
    assertThat(s.residual).isEqualTo(500_000);
    assertThat(s.startTime).isEqualTo(100 * US);

    s.burnCredits(150 * US);
    assertThat(s.credit).isEqualTo(-2);
    assertThat(s.residual).isZero();
    assertThat(s.startTime).isEqualTo(200 * US);

    s.burnCredits(180 * US);
    assertThat(s.credit).isEqualTo(-2);
    assertThat(s.startTime).isEqualTo(200 * US);
  }

  /** Whole credits only: 99.999 µs charges nothing and carries 999 990 in the residual. */
  @Test
  void subCreditTimeIsCarried() {
    CreditVcpu s = svc();
    s.burnCredits(99_999);
    assertThat(s.credit).isZero();
    assertThat(s.residual).isEqualTo(999_990);
    assertThat(s.startTime).isZero();
    s.burnCredits(100_000);
    // delta 100 µs → 1 000 000 + 999 990 → 1 credit, residual 999 990 again.
    assertThat(s.credit).isEqualTo(-1);
    assertThat(s.residual).isEqualTo(999_990);
    assertThat(s.startTime).isEqualTo(100 * US);
  }

  /**
   * Over 200 000 random run / deschedule cycles with ticks in between (start_time += now when
   * picked, burns at ticks, burn and start_time −= now when descheduled) the total charged stays
   * within one credit of the true running time: no drift.
   */
  @Test
  void chargeNeverDriftsMoreThanOneCredit() {
    long seed = 20261124L;
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
    CreditVcpu s = svc();
    long now = 0;
    long ran = 0;
    for (int cycle = 0; cycle < 200_000; cycle++) {
      now += rng.nextLong(50 * US);
      long picked = now;
      s.startTime += now;
      long end = now + 1 + rng.nextLong(3_000 * US);
      while (rng.nextInt(3) == 0 && now < end) {
        now += 1 + rng.nextLong(end - now);
        s.burnCredits(now);
      }
      now = end;
      s.burnCredits(now);
      s.startTime -= now;
      ran += end - picked;
      long charged = -(long) s.credit * 100 * US;
      assertThat(Math.abs(charged - ran)).as("seed %d, cycle %d", seed, cycle)
          .isLessThanOrEqualTo(100 * US);
    }
  }
}
