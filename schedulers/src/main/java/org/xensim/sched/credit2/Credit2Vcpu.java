package org.xensim.sched.credit2;

import org.xensim.core.domain.VCpu;

// models csched2_alloc_vdata() state: struct csched2_vcpu
/**
 * Per-vCPU data; models {@code struct csched2_vcpu} as {@code csched2_alloc_vdata()} sets it up.
 * Fields keep Xen's C types: {@code credit} is a 32-bit {@code int} that wraps.
 */
final class Credit2Vcpu {
  final VCpu vcpu;
  /** {@code sdom}; null for an idle vCPU. */
  final Credit2Domain sdom;
  /** {@code rqd}: the runqueue it is assigned to, or null. */
  Credit2Runqueue rqd;
  /** {@code unsigned int weight} (0 for idle). */
  int weight;
  /** {@code unsigned int residual}: remainder of the last time-to-credit division. */
  int residual;
  /** {@code int credit}. */
  int credit;
  /** {@code start_time}: when it was last burnt or started running. */
  long startTime;
  /** {@code flags}: {@code CSFLAG_*} bits. */
  int flags;
  /** {@code load_last_update}, in {@code now >> LOADAVG_GRANULARITY_SHIFT} units. */
  long loadLastUpdate;
  /** {@code avgload}, fixed point with 1.0 = 2^load_window_shift. */
  long avgload;
  /** {@code migrate_rqd}: where the balancer asked it to go. */
  Credit2Runqueue migrateRqd;
  /** {@code __vcpu_on_runq()}: queued in {@code rqd.runq}. */
  boolean onRunq;

  Credit2Vcpu(VCpu vcpu, Credit2Domain sdom) {
    this.vcpu = vcpu;
    this.sdom = sdom;
  }

  boolean isIdle() {
    return sdom == null;
  }

  boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  void setFlag(int flag) {
    flags |= flag;
  }

  void clearFlag(int flag) {
    flags &= ~flag;
  }

  /** {@code test_and_clear_bit()}. */
  boolean testAndClearFlag(int flag) {
    boolean was = (flags & flag) != 0;
    flags &= ~flag;
    return was;
  }

  @Override
  public String toString() {
    return vcpu + "(credit " + credit + ")";
  }
}
