package org.xensim.sched.rtds.quantum;

import static org.xensim.sched.rtds.RtdsConstants.MAX_SCHEDULE;
import static org.xensim.sched.rtds.RtdsConstants.RTDS_delayed_runq_add;
import static org.xensim.sched.rtds.RtdsConstants.RTDS_scheduled;

import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.TaskSlice;
import org.xensim.sched.rtds.RtQueues;
import org.xensim.sched.rtds.RtSchedulerBase;
import org.xensim.sched.rtds.RtVcpu;

// models rt_schedule() and the other hooks of sched_rt.c as of 4.6 (quantum-driven)
/**
 * The quantum-driven RTDS of Xen 4.6 ({@code xen/common/sched_rt.c} at RELEASE-4.6.0): the same
 * EDF pick and tickle as 4.7, but no replenishment queue or timer. Budgets are refilled by the
 * {@link ReplenishmentScan} in every pass, wake and context_saved; a running vCPU is re-examined
 * every {@code min(budget, MAX_SCHEDULE)} (so it may overrun its budget by up to a quantum); and
 * an idle pCPU re-enters the scheduler at once (Xen's zero idle slice), modelled as a re-poll
 * every {@code rtds46_idle_repoll} and reported apart from schedule calls (spec §10.1).
 */
public final class QuantumRtdsScheduler extends RtSchedulerBase {
  private final ReplenishmentScan replUpdate;
  private final long idleRepollNs;

  public QuantumRtdsScheduler(SchedContext ctx, long idleRepollNs) {
    super(ctx);
    if (idleRepollNs <= 0) {
      throw new IllegalArgumentException("rtds46_idle_repoll must be positive");
    }
    this.replUpdate = new ReplenishmentScan(queues);
    this.idleRepollNs = idleRepollNs;
  }

  /**
   * Models 4.6's {@code rt_vcpu_insert()}: the first deadline is the first grid point after now;
   * a runnable vCPU that is not running is queued (no tickle, no replenishment queue in 4.6).
   */
  @Override
  public void insertVcpu(VCpu v) {
    RtVcpu svc = allocVdata(v);
    long now = ctx.now();
    if (now >= svc.curDeadline()) {
      svc.updateDeadline(now);
    }
    startPeriods(svc, now);
    if (!RtQueues.onQueue(svc) && v.isRunnable() && !v.isRunning()) {
      queues.runqInsert(svc);
    }
  }

  /** Models 4.6's {@code rt_vcpu_remove()}. */
  @Override
  public void removeVcpu(VCpu v) {
    queues.qRemove(RtVcpu.of(v));
  }

  /**
   * Models 4.6's {@code rt_schedule()}: burn, scan for replenishments, pick as 4.7 does, and
   * return a quantum of {@code min(budget, MAX_SCHEDULE)} of the picked vCPU's budget
   * parameter; for the idle vCPU (budget 0) Xen's slice is 0, modelled as an idle re-poll.
   */
  @Override
  public void doSchedule(int cpu, long now, boolean taskletWorkScheduled, TaskSlice out) {
    queues.clearTickled(cpu);
    VCpu current = ctx.curr(cpu);
    RtVcpu scurr = RtVcpu.of(current);
    scurr.burnBudget(now);
    replUpdate.run(now);

    RtVcpu snext;
    if (taskletWorkScheduled) {
      snext = RtVcpu.of(ctx.idleVcpu(cpu));
    } else {
      snext = queues.runqPick(cpu);
      if (snext == null) {
        snext = RtVcpu.of(ctx.idleVcpu(cpu));
      }
      if (!current.isIdle() && current.isRunnable() && scurr.curBudget() > 0
          && (snext.isIdle() || scurr.curDeadline() <= snext.curDeadline())) {
        snext = scurr;
      }
    }

    if (snext != scurr && !current.isIdle() && current.isRunnable()) {
      scurr.setFlag(RTDS_delayed_runq_add);
    }
    trackSwitch(scurr, snext, current, now);

    snext.setLastStart(now);
    boolean migrated = false;
    if (!snext.isIdle()) {
      if (snext != scurr) {
        queues.qRemove(snext);
        snext.setFlag(RTDS_scheduled);
      }
      if (snext.vcpu().processor() != cpu) {
        snext.vcpu().setProcessor(cpu);
        migrated = true;
      }
    }
    long quantum = Math.min(snext.budget(), MAX_SCHEDULE);
    if (quantum == 0) {
      // Departure: Xen re-enters at once (slice 0); xensim waits rtds46_idle_repoll.
      out.set(snext.vcpu(), idleRepollNs, migrated);
      out.idleRepoll = true;
    } else {
      out.set(snext.vcpu(), quantum, migrated);
    }
  }


  /**
   * Models 4.6's {@code rt_vcpu_wake()}: a vCPU still being switched out is only flagged (no
   * deadline update); otherwise it is refilled if its deadline passed, queued, the queues are
   * scanned, and the run queue's head (not necessarily the woken vCPU) is tickled.
   */
  @Override
  public void wake(VCpu v) {
    RtVcpu svc = RtVcpu.of(v);
    if (ctx.curr(v.processor()) == v || RtQueues.onQueue(svc)) {
      return;
    }
    long now = ctx.now();
    trackRunnable(svc, now, true);
    if (svc.testFlag(RTDS_scheduled)) {
      svc.setFlag(RTDS_delayed_runq_add);
      return;
    }
    if (now >= svc.curDeadline()) {
      svc.updateDeadline(now);
    }
    queues.runqInsert(svc);
    replUpdate.run(now);
    queues.runqTickle(queues.runqPickAnyCpu());
  }

  /**
   * Models 4.6's {@code rt_context_saved()}: a still-runnable vCPU is re-queued, the queues are
   * scanned and the run queue's head is tickled (nothing when the run queue is empty, so 4.6 has
   * no spurious depleted tickles); a blocked one is simply dropped.
   */
  @Override
  public void contextSaved(VCpu v) {
    RtVcpu svc = RtVcpu.of(v);
    svc.clearFlag(RTDS_scheduled);
    if (v.isIdle()) {
      return;
    }
    if (svc.testAndClearFlag(RTDS_delayed_runq_add) && v.isRunnable()) {
      queues.runqInsert(svc);
      replUpdate.run(ctx.now());
      queues.runqTickle(queues.runqPickAnyCpu());
    }
  }
}
