package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_CREDITS_PER_MSEC;
import static org.xensim.sched.credit.CreditConstants.MILLISECS_1;

import org.xensim.core.domain.VCpu;

// models csched_alloc_vdata() state: struct csched_vcpu
/** Credit's per-vCPU data: Xen's {@code struct csched_vcpu} ({@code csched_alloc_vdata()}). */
final class CreditVcpu {
  /** {@code runq_elem}: membership in a pCPU runqueue. */
  final ListHead<CreditVcpu> runqElem = ListHead.elem(this);
  /** {@code active_vcpu_elem}: in the domain's active list (takes part in accounting). */
  final ListHead<CreditVcpu> activeVcpuElem = ListHead.elem(this);
  /** {@code sdom}; null for an idle vCPU. */
  final CreditDom sdom;
  final VCpu vcpu;
  /** {@code credit} (an {@code atomic_t}, i.e. a signed 32-bit int). */
  int credit;
  /** {@code residual}: sub-credit remainder, in ns·10 (an {@code unsigned int}). */
  int residual;
  /** {@code start_time}; see {@link #burnCredits} and the ±now steps of csched_schedule(). */
  long startTime;
  /** {@code flags}: {@code CSCHED_FLAG_VCPU_*} bits. */
  int flags;
  /** {@code pri}: {@code CSCHED_PRI_*}. */
  int pri;

  CreditVcpu(VCpu vcpu, CreditDom sdom, int pri) {
    this.vcpu = vcpu;
    this.sdom = sdom;
    this.pri = pri;
  }

  /** {@code __vcpu_on_runq()}. */
  boolean onRunq() {
    return !runqElem.isEmpty();
  }

  /** Whether the vCPU is in its domain's active list ({@code !list_empty(&active_vcpu_elem)}). */
  boolean isActive() {
    return !activeVcpuElem.isEmpty();
  }

  boolean testFlag(int flag) {
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

  /** {@code test_and_set_bit()}. */
  boolean testAndSetFlag(int flag) {
    boolean was = (flags & flag) != 0;
    flags |= flag;
    return was;
  }

  /**
   * Models {@code burn_credits()}: charges the time since {@code start_time} in whole credits,
   * carrying the remainder in {@code residual}, and advances {@code start_time} only by the time
   * converted. Literal, including the remainder being kept twice (spec §3.5): the arithmetic is
   * Xen's unsigned 64-bit {@code do_div} and 32-bit {@code unsigned int} credits.
   */
  void burnCredits(long now) {
    long delta = now - startTime;
    if (delta <= 0) {
      return;
    }
    long val = delta * CSCHED_CREDITS_PER_MSEC + Integer.toUnsignedLong(residual);
    residual = (int) Long.remainderUnsigned(val, MILLISECS_1);
    int credits = (int) Long.divideUnsigned(val, MILLISECS_1);
    credit -= credits;
    startTime += (Integer.toUnsignedLong(credits) * MILLISECS_1) / CSCHED_CREDITS_PER_MSEC;
  }

  @Override
  public String toString() {
    return vcpu + "{pri=" + pri + ",credit=" + credit + ",flags=" + flags + "}";
  }
}
