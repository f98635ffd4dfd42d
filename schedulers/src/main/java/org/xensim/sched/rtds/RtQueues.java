package org.xensim.sched.rtds;

import org.xensim.core.host.CpuMask;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedContext;

// models __runq_insert(), __runq_pick() and runq_tickle() of sched_rt.c
/**
 * The scheduler-wide run queue, depleted queue and tickled mask of {@code struct rt_private},
 * with the helpers 4.6 and 4.7 share: {@code __runq_insert}, {@code __q_remove},
 * {@code __runq_pick} and {@code runq_tickle}. One instance per cpupool.
 */
public final class RtQueues {
  /** {@code runq}: waiting vCPUs with budget, by deadline (LIFO among equal deadlines). */
  final ListHead runq = ListHead.newQueue();
  /** {@code depletedq}: waiting vCPUs without budget, newest first. */
  final ListHead depletedq = ListHead.newQueue();
  /** {@code tickled}: pCPUs tickled and not yet through rt_schedule(). */
  final CpuMask tickled = new CpuMask();

  private final SchedContext ctx;
  /** Scratch mask for runq_tickle(); never escapes. */
  private final CpuMask notTickled = new CpuMask();

  public RtQueues(SchedContext ctx) {
    this.ctx = ctx;
  }

  /** {@code __vcpu_on_q()}: on the run queue or the depleted queue. */
  public static boolean onQueue(RtVcpu svc) {
    return !svc.qElem.isEmpty();
  }

  /** The run queue's list head ({@code rt_runq()}). */
  public ListHead runq() {
    return runq;
  }

  /** The depleted queue's list head ({@code rt_depletedq()}). */
  public ListHead depletedq() {
    return depletedq;
  }

  /** The head of the run queue, or null. */
  public RtVcpu runqHead() {
    return runq.isEmpty() ? null : runq.first();
  }

  public boolean runqEmpty() {
    return runq.isEmpty();
  }

  /** {@code cpumask_clear_cpu(cpu, &prv->tickled)}, done at the start of rt_schedule(). */
  public void clearTickled(int cpu) {
    tickled.clear(cpu);
  }

  /**
   * Models {@code sched_rt.c:__runq_insert()}: by deadline into the run queue if the vCPU has
   * budget, else at the head of the depleted queue.
   */
  public void runqInsert(RtVcpu svc) {
    if (svc.curBudget > 0) {
      ListHead.deadlineQueueInsert(svc, svc.qElem, runq);
    } else {
      svc.qElem.add(depletedq);
    }
  }

  /** Models {@code __q_remove()} (a no-op if the vCPU is on no queue, as 4.6's). */
  public void qRemove(RtVcpu svc) {
    svc.qElem.delInit();
  }

  /**
   * Models {@code __runq_pick(ops, cpumask_of(cpu))}: the first run-queue vCPU allowed on
   * {@code cpu} (hard affinity within the pool), or null.
   */
  public RtVcpu runqPick(int cpu) {
    CpuMask pool = ctx.poolCpus();
    for (ListHead iter = runq.next; iter != runq; iter = iter.next) {
      if (pool.get(cpu) && iter.owner.vcpu.hardAffinity().get(cpu)) {
        return iter.owner;
      }
    }
    return null;
  }

  /**
   * Models {@code __runq_pick(ops, online)} with the pool's whole mask (4.6 wake and
   * context_saved): the first run-queue vCPU allowed on any pCPU of the pool, or null.
   */
  public RtVcpu runqPickAnyCpu() {
    CpuMask pool = ctx.poolCpus();
    for (ListHead iter = runq.next; iter != runq; iter = iter.next) {
      if (iter.owner.vcpu.hardAffinity().intersects(pool)) {
        return iter.owner;
      }
    }
    return null;
  }

  /**
   * Models {@code sched_rt.c:runq_tickle()} (4.6 and 4.7): (1) the vCPU's own pCPU if it runs
   * its idle vCPU, not checking the tickled mask (quirk §5.12.3); (2) else the first untickled
   * allowed pCPU that is idle, remembering the running vCPU with the latest deadline; (3) else
   * that vCPU's pCPU if {@code svc}'s deadline is strictly earlier. It never looks at the budget
   * (quirk §5.12.2).
   */
  public void runqTickle(RtVcpu svc) {
    if (svc == null || svc.vcpu.isIdle()) {
      return;
    }
    VCpu v = svc.vcpu;
    CpuMask mask = notTickled;
    mask.copyFrom(ctx.poolCpus());
    mask.and(v.hardAffinity());
    mask.andNot(tickled);

    if (ctx.curr(v.processor()).isIdle()) {
      tickle(v.processor());
      return;
    }
    RtVcpu latest = null;
    for (int cpu = mask.nextSetBit(0); cpu >= 0; cpu = mask.nextSetBit(cpu + 1)) {
      VCpu running = ctx.curr(cpu);
      if (running.isIdle()) {
        tickle(cpu);
        return;
      }
      RtVcpu other = RtVcpu.of(running);
      if (latest == null || other.curDeadline > latest.curDeadline) {
        latest = other;
      }
    }
    if (latest != null && svc.curDeadline < latest.curDeadline) {
      tickle(latest.vcpu.processor());
    }
  }

  private void tickle(int cpu) {
    tickled.set(cpu);
    ctx.raiseScheduleSoftirq(cpu);
  }
}
