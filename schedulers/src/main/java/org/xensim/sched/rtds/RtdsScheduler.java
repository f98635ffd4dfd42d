package org.xensim.sched.rtds;

import static org.xensim.sched.rtds.RtdsConstants.RTDS_delayed_runq_add;
import static org.xensim.sched.rtds.RtdsConstants.RTDS_depleted;
import static org.xensim.sched.rtds.RtdsConstants.RTDS_scheduled;

import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.TaskSlice;

// models rt_schedule() and the other struct scheduler hooks of sched_rt.c (4.7)
/**
 * The event-driven RTDS of Xen 4.7 ({@code xen/common/sched_rt.c} at RELEASE-4.7.0): global
 * preemptive EDF over deferrable servers; a slice is the remaining budget; budgets are refilled
 * by one replenishment timer ({@code repl_timer_handler}) on the pool's first pCPU. Keeps the
 * 4.7 quirks of spec §5.12: replenishment of a running vCPU charges its old-period run time to
 * the new budget, depleted re-queues tickle, tickle step 1 ignores the tickled mask, LIFO ties
 * and running-wins ties, deadlines on the grid from creation.
 */
public final class RtdsScheduler extends RtSchedulerBase {
  private final ReplQueue replq = new ReplQueue();
  /** The temporary list of repl_timer_handler() ({@code tmp_replq}); empty between calls. */
  private final ListHead tmpReplq = ListHead.newQueue();

  public RtdsScheduler(SchedContext ctx) {
    super(ctx);
  }

  /**
   * Models {@code rt_init_pdata()}: the first pCPU to join initialises the replenishment timer on
   * itself; plus {@code rt_alloc_vdata()} of the idle vCPU.
   */
  @Override
  public void initPcpu(int cpu, VCpu idle) {
    super.initPcpu(cpu, idle);
    // Departure: pCPUs never leave a pool at run time in xensim, so the timer never moves
    // (rt_deinit_pdata / rt_switch_sched are not modelled).
    if (!replq.timerInitialised()) {
      replq.initTimer(ctx.newTimer(cpu, this::replTimerHandler));
    }
  }

  /**
   * Models {@code rt_vcpu_insert()}: the first deadline is the first grid point after now
   * ({@code cur_deadline} starts at 0); a runnable vCPU is queued (without a tickle).
   */
  @Override
  public void insertVcpu(VCpu v) {
    RtVcpu svc = allocVdata(v);
    long now = ctx.now();
    if (now >= svc.curDeadline) {
      svc.updateDeadline(now);
    }
    startPeriods(svc, now);
    if (!RtQueues.onQueue(svc) && v.isRunnable()) {
      replq.insert(svc);
      if (!v.isRunning()) {
        queues.runqInsert(svc);
      }
    }
  }

  /** Models {@code rt_vcpu_remove()}. */
  @Override
  public void removeVcpu(VCpu v) {
    RtVcpu svc = RtVcpu.of(v);
    if (RtQueues.onQueue(svc)) {
      queues.qRemove(svc);
    }
    if (ReplQueue.onReplq(svc)) {
      replq.remove(svc);
    }
  }

  /**
   * Models {@code rt_schedule()}: burn the current vCPU's budget, pick the earliest-deadline
   * vCPU allowed here (the current one wins ties and keeps the pCPU while it has budget), and
   * return its remaining budget as the slice (none for idle).
   */
  @Override
  public void doSchedule(int cpu, long now, boolean taskletWorkScheduled, TaskSlice out) {
    queues.clearTickled(cpu);
    VCpu current = ctx.curr(cpu);
    RtVcpu scurr = RtVcpu.of(current);
    if (scurr.burnBudget(now)) {
      scurr.setFlag(RTDS_depleted);
    }

    RtVcpu snext;
    if (taskletWorkScheduled) {
      snext = RtVcpu.of(ctx.idleVcpu(cpu));
    } else {
      snext = queues.runqPick(cpu);
      if (snext == null) {
        snext = RtVcpu.of(ctx.idleVcpu(cpu));
      }
      if (!current.isIdle() && current.isRunnable() && scurr.curBudget > 0
          && (snext.isIdle() || scurr.curDeadline <= snext.curDeadline)) {
        snext = scurr;
      }
    }

    if (snext != scurr && !current.isIdle() && current.isRunnable()) {
      scurr.setFlag(RTDS_delayed_runq_add);
    }
    trackSwitch(scurr, snext, current, now);

    snext.lastStart = now;
    long time = TaskSlice.NO_LIMIT;
    boolean migrated = false;
    if (!snext.isIdle()) {
      if (snext != scurr) {
        queues.qRemove(snext);
        snext.setFlag(RTDS_scheduled);
      }
      if (snext.vcpu.processor() != cpu) {
        snext.vcpu.setProcessor(cpu);
        migrated = true;
      }
      time = snext.curBudget;
    }
    out.set(snext.vcpu, time, migrated);
  }

  /** 4.7 also takes the vCPU out of the replenishment queue. */
  @Override
  protected void dequeueSleeper(RtVcpu svc) {
    queues.qRemove(svc);
    replq.remove(svc);
  }

  /**
   * Models {@code rt_vcpu_wake()}: a vCPU whose deadline passed while it slept gets a new period
   * and a full budget, otherwise it keeps both (deferrable server); it is queued and tickled, or,
   * if it is still being switched out, flagged for re-queueing in context_saved.
   */
  @Override
  public void wake(VCpu v) {
    RtVcpu svc = RtVcpu.of(v);
    if (ctx.curr(v.processor()) == v || RtQueues.onQueue(svc)) {
      return;
    }
    long now = ctx.now();
    trackRunnable(svc, now, true);
    boolean missed = now >= svc.curDeadline;
    if (missed) {
      svc.updateDeadline(now);
    }
    if (svc.testFlag(RTDS_scheduled)) {
      svc.setFlag(RTDS_delayed_runq_add);
      if (missed) {
        replq.reinsert(svc);
      }
      return;
    }
    replq.insert(svc);
    queues.runqInsert(svc);
    queues.runqTickle(svc);
  }

  /**
   * Models {@code rt_context_saved()}: a switched-out vCPU that is still runnable goes back to
   * the run queue (or the depleted queue) and is tickled, even when depleted (quirk §5.12.2);
   * one that blocked leaves the replenishment queue.
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
      queues.runqTickle(svc);
    } else {
      replq.remove(svc);
    }
  }

  /**
   * Models {@code repl_timer_handler()}: refills every vCPU whose deadline has come (re-sorting
   * queued ones), then, in reverse order of refilling: for a running vCPU whose new deadline is
   * later than the run-queue head's, tickles for the head; for a queued vCPU that was depleted,
   * clears the flag and tickles for it; and re-inserts each into the replenishment queue. A
   * running vCPU keeps its {@code last_start} (quirk §5.12.1).
   */
  void replTimerHandler() {
    long now = ctx.now();
    ListHead q = replq.replq;
    ListHead iter = q.next;
    while (iter != q) {
      ListHead tmp = iter.next;
      RtVcpu svc = iter.owner;
      if (now < svc.curDeadline) {
        break;
      }
      iter.delInit();
      svc.updateDeadline(now);
      iter.add(tmpReplq);
      if (RtQueues.onQueue(svc)) {
        queues.qRemove(svc);
        queues.runqInsert(svc);
      }
      iter = tmp;
    }

    iter = tmpReplq.next;
    while (iter != tmpReplq) {
      ListHead tmp = iter.next;
      RtVcpu svc = iter.owner;
      if (ctx.curr(svc.vcpu.processor()) == svc.vcpu && !queues.runqEmpty()) {
        RtVcpu nextOnRunq = queues.runqHead();
        if (svc.curDeadline > nextOnRunq.curDeadline) {
          queues.runqTickle(nextOnRunq);
        }
      } else if (RtQueues.onQueue(svc) && svc.testAndClearFlag(RTDS_depleted)) {
        queues.runqTickle(svc);
      }
      iter.delInit();
      ListHead.deadlineQueueInsert(svc, iter, q);
      iter = tmp;
    }
    replq.rearmAtHead();
  }
}
