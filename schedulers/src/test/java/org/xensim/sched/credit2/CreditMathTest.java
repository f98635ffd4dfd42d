package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import org.xensim.core.host.CpuMask;
import org.junit.jupiter.api.Test;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedParams;

/** {@code t2c_update()}, {@code c2t()} and {@code burn_credits()} with C's integer semantics. */
class CreditMathTest {

  static Credit2Vcpu svc(int weight, int credit) {
    Domain d = new Domain(0, "d", 0, SchedParams.EMPTY, false);
    VCpu v = new VCpu(1, d, 0, 0, new CpuMask(), new CpuMask(), SchedParams.EMPTY);
    Credit2Vcpu s = new Credit2Vcpu(v, new Credit2Domain(d, weight));
    s.weight = weight;
    s.credit = credit;
    v.setSchedPriv(s);
    return s;
  }

  static Credit2Runqueue rq(int maxWeight) {
    Credit2Runqueue r = new Credit2Runqueue(4);
    r.maxWeight = maxWeight;
    return r;
  }

  @Test
  void maxWeightBurnsOneCreditPerNanosecond() {
    Credit2Vcpu s = svc(256, 10_000_000);
    CreditMath.t2cUpdate(rq(256), 500_000, s);
    assertThat(s.credit).isEqualTo(9_500_000);
    assertThat(s.residual).isZero();
  }

  /** Weight 512 of max 768 burns 1.5 credits/ns: 1 ns = 768/512 = 1 rem 256; 2 ns = 3. */
  @Test
  void residualCarriesTheRemainder() {
    Credit2Vcpu s = svc(512, 100);
    Credit2Runqueue r = rq(768);
    CreditMath.t2cUpdate(r, 1, s);
    assertThat(s.credit).isEqualTo(99);
    assertThat(s.residual).isEqualTo(256);
    CreditMath.t2cUpdate(r, 1, s);
    assertThat(s.credit).isEqualTo(97);
    assertThat(s.residual).isZero();
  }

  /**
   * Weight 1 of max 65535: 0.5 ms burns 32 767 500 000 credits; 10 000 000 minus that is
   * −32 757 500 000, which as a 32-bit int wraps to −32 757 500 000 + 8·2^32 = 1 602 238 368.
   */
  @Test
  void creditWrapsAt32Bits() {
    Credit2Vcpu s = svc(1, 10_000_000);
    CreditMath.t2cUpdate(rq(65535), 500_000, s);
    assertThat(s.credit).isEqualTo(1_602_238_368);
  }

  /** c2t = credit · weight / max_weight, truncated towards zero (signed 64-bit division). */
  @Test
  void creditToTimeTruncatesTowardsZero() {
    Credit2Vcpu s = svc(256, 0);
    Credit2Runqueue r = rq(768);
    assertThat(CreditMath.c2t(r, 3_000_000, s)).isEqualTo(1_000_000);
    assertThat(CreditMath.c2t(r, 2_500_000, s)).isEqualTo(833_333);
    assertThat(CreditMath.c2t(r, 1, s)).isZero();
    assertThat(CreditMath.c2t(r, -3, s)).isEqualTo(-1);
    assertThat(CreditMath.c2t(r, -1, s)).isZero();
  }

  @Test
  void burnChargesSinceStartTimeOnlyForward() {
    Credit2Vcpu s = svc(256, 1_000);
    s.startTime = 100;
    Credit2Runqueue r = rq(256);
    CreditMath.burnCredits(r, s, 100);
    assertThat(s.credit).isEqualTo(1_000);
    CreditMath.burnCredits(r, s, 50);
    assertThat(s.credit).isEqualTo(1_000);
    assertThat(s.startTime).isEqualTo(100);
    CreditMath.burnCredits(r, s, 400);
    assertThat(s.credit).isEqualTo(700);
    assertThat(s.startTime).isEqualTo(400);
  }
}
