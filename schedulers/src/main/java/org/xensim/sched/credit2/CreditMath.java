package org.xensim.sched.credit2;

// models t2c_update()
/**
 * Time ↔ credit conversion; models {@code t2c_update()}, {@code c2t()} and
 * {@code sched_credit2.c:burn_credits()} with C's integer semantics (unsigned 64-bit
 * division, 32-bit credit that wraps).
 */
final class CreditMath {
  private CreditMath() {}

  /**
   * Models {@code t2c_update()}: burns {@code time} ns of run time at the rate
   * {@code max_weight / weight}, keeping the remainder in {@code residual}.
   */
  static void t2cUpdate(Credit2Runqueue rqd, long time, Credit2Vcpu svc) {
    // uint64_t val = time * max_weight + residual (residual is an unsigned int)
    long val = time * (rqd.maxWeight & 0xFFFF_FFFFL) + (svc.residual & 0xFFFF_FFFFL);
    long weight = svc.weight & 0xFFFF_FFFFL;
    svc.residual = (int) Long.remainderUnsigned(val, weight);
    val = Long.divideUnsigned(val, weight);
    // int credit -= u64: computed modulo 2^64, truncated to 32 bits
    svc.credit = (int) (svc.credit - val);
  }

  /** Models {@code c2t()}: the run time worth {@code credit} for {@code svc}. */
  static long c2t(Credit2Runqueue rqd, long credit, Credit2Vcpu svc) {
    return credit * (svc.weight & 0xFFFF_FFFFL) / (rqd.maxWeight & 0xFFFF_FFFFL);
  }

  /**
   * Models {@code sched_credit2.c:burn_credits()}: charges the time since {@code start_time}; a
   * no-op for the idle vCPU and when no time has passed.
   */
  static void burnCredits(Credit2Runqueue rqd, Credit2Vcpu svc, long now) {
    if (svc.isIdle()) {
      return;
    }
    long delta = now - svc.startTime;
    if (delta > 0) {
      t2cUpdate(rqd, delta, svc);
      svc.startTime = now;
    }
  }
}
