package org.xensim.sched.rtds;

import static org.xensim.sched.rtds.RtdsConstants.UPDATE_LIMIT_SHIFT;

import org.xensim.core.domain.VCpu;

// models rt_alloc_vdata() state: struct rt_vcpu
/**
 * Xen's {@code struct rt_vcpu}: one vCPU's server parameters, its current budget and deadline,
 * its flags and its queue links; the same in 4.6 and 4.7. Kept in {@link VCpu#schedPriv()}.
 */
public final class RtVcpu {
  final VCpu vcpu;
  /** {@code period}, ns. */
  long period;
  /** {@code budget}, ns (0 for an idle vCPU). */
  long budget;
  /** {@code cur_budget}: budget left in the current period, ns. */
  long curBudget;
  /** {@code last_start}: when rt_schedule() last picked it. */
  long lastStart;
  /** {@code cur_deadline}: end of the current period, absolute ns. */
  long curDeadline;
  /** {@code flags}: {@code RTDS_*} bits of {@link RtdsConstants}. */
  int flags;
  /** {@code q_elem}: membership of the run queue or the depleted queue. */
  final ListHead qElem = new ListHead(this);
  /** {@code replq_elem}: membership of the replenishment queue (4.7). */
  final ListHead replqElem = new ListHead(this);
  /** Budget-miss bookkeeping (not in Xen); null for an idle vCPU. */
  final ServerPeriods periods;

  /** Models {@code rt_alloc_vdata()}, with the given parameters (spec §9 rule 11). */
  RtVcpu(VCpu vcpu, long period, long budget) {
    this.vcpu = vcpu;
    this.period = period;
    this.budget = budget;
    this.periods = vcpu.isIdle() ? null : new ServerPeriods();
  }

  /** The model object of {@code v} ({@code rt_vcpu(v)}). */
  public static RtVcpu of(VCpu v) {
    return (RtVcpu) v.schedPriv();
  }

  public VCpu vcpu() {
    return vcpu;
  }

  public boolean isIdle() {
    return vcpu.isIdle();
  }

  public long period() {
    return period;
  }

  public long budget() {
    return budget;
  }

  public long curBudget() {
    return curBudget;
  }

  public long curDeadline() {
    return curDeadline;
  }

  public long lastStart() {
    return lastStart;
  }

  public void setLastStart(long now) {
    lastStart = now;
  }

  public boolean testFlag(int flag) {
    return (flags & flag) != 0;
  }

  public void setFlag(int flag) {
    flags |= flag;
  }

  public void clearFlag(int flag) {
    flags &= ~flag;
  }

  /** {@code test_and_clear_bit()}. */
  public boolean testAndClearFlag(int flag) {
    boolean was = (flags & flag) != 0;
    flags &= ~flag;
    return was;
  }

  /** Budget-miss bookkeeping of this vCPU (null for an idle vCPU). */
  public ServerPeriods periods() {
    return periods;
  }

  /**
   * Models {@code rt_update_deadline()} (called when {@code now >= cur_deadline}): moves the
   * deadline forward by whole periods until it lies after {@code now} and refills the budget.
   * {@code last_start} is left alone (4.7 quirk, spec §5.12.1).
   */
  public void updateDeadline(long now) {
    if (curDeadline + (period << UPDATE_LIMIT_SHIFT) > now) {
      do {
        curDeadline += period;
      } while (curDeadline <= now);
    } else {
      long count = ((now - curDeadline) / period) + 1;
      curDeadline += count * period;
    }
    curBudget = budget;
  }

  /**
   * Models {@code burn_budget()} without the 4.7 depleted flag: charges the time since
   * {@code last_start}, clamped at 0. No-op for the idle vCPU.
   *
   * @return true if the budget was charged and is now exhausted (4.7 then sets
   *     {@code RTDS_depleted})
   */
  public boolean burnBudget(long now) {
    if (vcpu.isIdle()) {
      return false;
    }
    long delta = now - lastStart;
    if (delta < 0) {
      lastStart = now;
      return false;
    }
    curBudget -= delta;
    if (curBudget <= 0) {
      curBudget = 0;
      return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return vcpu + "(b=" + curBudget + ", d=" + curDeadline + ")";
  }
}
