package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.sched.credit2.CreditMathTest.rq;
import static org.xensim.sched.credit2.CreditMathTest.svc;

import org.junit.jupiter.api.Test;

/** {@code reset_credit()} (spec §4.11). */
class CreditResetTest {

  /**
   * Every assigned vCPU gets + 10 ms, clipped at 10.5 ms, start_time = now. A vCPU running on
   * another pCPU with 0.2 ms recorded at its last burn (1 ms ago) gets 10.2 ms: the 1 ms it has
   * run since is never charged (quirk §4.15.2; 4.9 would burn it first and give 9.2 ms).
   */
  @Test
  void refillsEveryoneClipsAndDiscardsUnburntTime() {
    Credit2Runqueue r = rq(256);
    Credit2Vcpu chosen = svc(256, 0);
    Credit2Vcpu elsewhere = svc(256, 200_000);
    elsewhere.startTime = 4_000_000;
    Credit2Vcpu blocked = svc(256, 3_000_000);
    r.svc.add(chosen);
    r.svc.add(elsewhere);
    r.svc.add(blocked);
    CreditReset.resetCredit(r, 5_000_000, chosen);
    assertThat(chosen.credit).isEqualTo(10_000_000);
    assertThat(elsewhere.credit).isEqualTo(10_200_000);
    assertThat(blocked.credit).isEqualTo(10_500_000);
    assertThat(elsewhere.startTime).isEqualTo(5_000_000);
    CreditMath.burnCredits(r, elsewhere, 5_500_000);
    assertThat(elsewhere.credit).isEqualTo(9_700_000);
    assertThat(r.resets).isEqualTo(1);
  }

  /** Chosen at −25 ms: m = 1 + 25/10 = 3, so everyone gets + 30 ms (then the clip). */
  @Test
  void multiplierForDeeplyNegativeCredit() {
    Credit2Runqueue r = rq(256);
    Credit2Vcpu chosen = svc(256, -25_000_000);
    Credit2Vcpu other = svc(256, -29_000_000);
    r.svc.add(chosen);
    r.svc.add(other);
    CreditReset.resetCredit(r, 0, chosen);
    assertThat(chosen.credit).isEqualTo(5_000_000);
    assertThat(other.credit).isEqualTo(1_000_000);
  }

  /** Exactly −10 ms is not below −CREDIT_INIT: m stays 1. */
  @Test
  void multiplierBoundary() {
    Credit2Runqueue r = rq(256);
    Credit2Vcpu chosen = svc(256, -10_000_000);
    r.svc.add(chosen);
    CreditReset.resetCredit(r, 0, chosen);
    assertThat(chosen.credit).isZero();
  }
}
