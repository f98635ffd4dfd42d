package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_HARD_AFFINITY;
import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_SOFT_AFFINITY;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_IDLE;

import org.xensim.core.host.CpuMask;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.sched.SchedContext;

// models __runq_tickle() of sched_credit.c
/**
 * Decides which pCPUs to poke after a vCPU was queued by a wake: models
 * {@code sched_credit.c:__runq_tickle()} (spec §3.10), with the 4.7 quirk that the idler tickled
 * is chosen among all the pool's idlers rather than among those the vCPU may run on.
 */
final class RunqTickle {
  private final SchedContext ctx;
  private final CreditPrivate prv;
  /**
   * {@code per_cpu(last_tickle_cpu)}, indexed by the pCPU executing the wake. Xen keeps one per
   * physical CPU shared by every pool; here each pool keeps its own array. That is the same as
   * long as a wake executes on a pCPU of the woken vCPU's own pool, which holds for every wake
   * xensim makes (guest wakes on the vCPU's processor, migration wakes on the old pCPU, unpark
   * wakes on the pool's master) — see docs/departures-credit.md.
   */
  private final int[] lastTickleCpu;
  private final CpuMask mask;
  private final CpuMask idleMask;
  private final CpuMask scratch;

  RunqTickle(SchedContext ctx, CreditPrivate prv) {
    this.ctx = ctx;
    this.prv = prv;
    int n = ctx.topology().nrCpus();
    this.lastTickleCpu = new int[n];
    this.mask = new CpuMask(n);
    this.idleMask = new CpuMask(n);
    this.scratch = new CpuMask(n);
  }

  /** Models {@code __runq_tickle()} for {@code snew}, just queued on its processor. */
  void tickle(CreditVcpu snew) {
    int cpu = snew.vcpu.processor();
    VCpu curVcpu = ctx.curr(cpu);
    CreditVcpu cur = (CreditVcpu) curVcpu.schedPriv();
    CpuMask online = ctx.poolCpus();
    mask.clear();
    idleMask.copyFrom(prv.idlers);
    idleMask.and(online);
    boolean idlersEmpty = idleMask.isEmpty();

    if (cur.pri == CSCHED_PRI_IDLE || (idlersEmpty && snew.pri > cur.pri)) {
      // The pCPU is idle, or nobody else could take the new vCPU and it beats cur: run it here.
      mask.set(cpu);
    } else if (!idlersEmpty) {
      for (int step = CSCHED_BALANCE_SOFT_AFFINITY; step <= CSCHED_BALANCE_HARD_AFFINITY;
          step++) {
        if (step == CSCHED_BALANCE_SOFT_AFFINITY
            && !BalanceStep.hasSoftAffinity(snew.vcpu, online, snew.vcpu.hardAffinity())) {
          continue;
        }
        BalanceStep.cpumask(snew.vcpu, step, scratch);
        scratch.and(idleMask);
        boolean newIdlersEmpty = scratch.isEmpty();
        if (newIdlersEmpty && step == CSCHED_BALANCE_SOFT_AFFINITY) {
          continue;
        }
        if (newIdlersEmpty && snew.pri > cur.pri) {
          // No idler can take the new vCPU: it preempts cur, and cur is flagged to move to an
          // idler when it is switched out, if one suits it.
          BalanceStep.cpumask(curVcpu, step, scratch);
          if (scratch.intersects(idleMask)) {
            curVcpu.setPauseFlag(VCpu.VPF_MIGRATING);
            ctx.count("credit.kicked_away", cpu);
          }
          mask.set(cpu);
        } else if (!newIdlersEmpty) {
          if (prv.tickleOneIdle) {
            // Quirk (4.7, fixed in 4.8): cycles through all the pool's idlers (idle_mask), not
            // through the idlers suitable for the new vCPU.
            int thisCpu = wakerCpu(cpu);
            lastTickleCpu[thisCpu] = CpuMasks.cycle(lastTickleCpu[thisCpu], idleMask);
            mask.set(lastTickleCpu[thisCpu]);
          } else {
            mask.or(idleMask);
          }
        }
        if (!mask.isEmpty()) {
          break;
        }
      }
    }

    // cpumask_raise_softirq() walks the mask upwards.
    for (int c = mask.nextSetBit(0); c >= 0; c = mask.nextSetBit(c + 1)) {
      ctx.raiseScheduleSoftirq(c);
    }
  }

  /** {@code smp_processor_id()} of the wake; the vCPU's pCPU when no pCPU is executing. */
  private int wakerCpu(int fallback) {
    int c = ctx.currentCpu();
    return c >= 0 ? c : fallback;
  }
}
