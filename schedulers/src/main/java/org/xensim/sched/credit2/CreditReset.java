package org.xensim.sched.credit2;

import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_CARRYOVER_MAX;
import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_CREDIT_INIT;

import java.util.List;

// models reset_credit()
/** Refills a runqueue's credits; models {@code reset_credit()}. */
final class CreditReset {
  static final String COUNTER = "credit2.reset";

  private CreditReset() {}

  /**
   * Models {@code reset_credit()}: every vCPU assigned to the runqueue (running elsewhere, queued
   * or blocked) gets {@code m · CSCHED2_CREDIT_INIT}, clipped at INIT + CARRYOVER_MAX, and its
   * {@code start_time} set to now. Run time not yet burnt by vCPUs running on other pCPUs is lost
   * (quirk §4.15.2; 4.9 burns them first). The queue is not re-sorted.
   *
   * @param snext the vCPU chosen to run, whose credit decides the multiplier
   */
  static void resetCredit(Credit2Runqueue rqd, long now, Credit2Vcpu snext) {
    int m = 1;
    if (snext.credit < -CSCHED2_CREDIT_INIT) {
      // int negation (wraps like C for INT_MIN), then a 64-bit division truncated to int
      m += (int) ((-snext.credit) / CSCHED2_CREDIT_INIT);
    }
    List<Credit2Vcpu> all = rqd.svc;
    for (int i = 0, n = all.size(); i < n; i++) {
      Credit2Vcpu svc = all.get(i);
      svc.credit = (int) (svc.credit + (m == 1 ? CSCHED2_CREDIT_INIT
          : (long) m * CSCHED2_CREDIT_INIT));
      // clip to the maximum carry-over
      if (svc.credit > CSCHED2_CREDIT_INIT + CSCHED2_CARRYOVER_MAX) {
        svc.credit = (int) (CSCHED2_CREDIT_INIT + CSCHED2_CARRYOVER_MAX);
      }
      svc.startTime = now;
    }
    rqd.resets++;
  }
}
