package org.xensim.sched.credit2;

import org.xensim.core.host.CpuMask;
import org.xensim.core.domain.VCpu;

// models csched2_cpu_pick()
/**
 * Picks a pCPU for a vCPU being migrated; models {@code csched2_cpu_pick()} →
 * {@code choose_cpu()} and {@code get_fallback_cpu()}. Reached only from {@code vcpu_migrate()}.
 */
final class CpuChooser {
  private final Credit2Private prv;

  CpuChooser(Credit2Private prv) {
    this.prv = prv;
  }

  /**
   * Models {@code choose_cpu()}: a balancer's migrate request wins; otherwise the runqueue with
   * the strictly lowest {@code b_avgload} (minus the vCPU's own load on its own runqueue) among
   * those it may run on, ties to the lowest id, and a random allowed pCPU of it. The private
   * try-lock always succeeds in xensim (spec §9 rule 8), so the early fallback never runs.
   */
  int chooseCpu(VCpu vc) {
    Credit2Vcpu svc = Credit2Private.svc(vc);
    CpuMask hard = vc.hardAffinity();
    CpuMask scratch = prv.scratch;

    // Here because the balancer asked for a move?
    if (svc.testAndClearFlag(Credit2Constants.CSFLAG_RUNQ_MIGRATE_REQUEST)) {
      if (svc.migrateRqd.id >= 0) {
        scratch.copyFrom(hard);
        scratch.and(svc.migrateRqd.active);
        int cpu = prv.cpumaskAny(scratch);
        if (cpu >= 0) {
          return cpu;
        }
      }
      // fall through to the normal pick
    }

    long minAvgload = Credit2Constants.MAX_LOAD;
    int minRqi = -1;
    CpuMask queues = prv.activeQueues;
    for (int i = queues.nextSetBit(0); i >= 0; i = queues.nextSetBit(i + 1)) {
      Credit2Runqueue rqd = prv.rqd[i];
      long rqdAvgload = Credit2Constants.MAX_LOAD;
      if (hard.intersects(rqd.active)) {
        // on its own runqueue, its own load is left out "to simulate impartiality"
        rqdAvgload = rqd == svc.rqd ? rqd.bAvgload - svc.avgload : rqd.bAvgload;
      }
      if (rqdAvgload < minAvgload) {
        minAvgload = rqdAvgload;
        minRqi = i;
      }
    }
    if (minRqi == -1) {
      return getFallbackCpu(svc);
    }
    scratch.copyFrom(hard);
    scratch.and(prv.rqd[minRqi].active);
    int cpu = prv.cpumaskAny(scratch);
    assert cpu >= 0;
    return cpu;
  }

  /**
   * Models {@code get_fallback_cpu()}: the current pCPU if allowed, else the first allowed pCPU
   * of its runqueue, else the first allowed pCPU of the pool.
   */
  int getFallbackCpu(Credit2Vcpu svc) {
    VCpu v = svc.vcpu;
    CpuMask hard = v.hardAffinity();
    if (hard.get(v.processor())) {
      return v.processor();
    }
    CpuMask scratch = prv.scratch;
    scratch.copyFrom(hard);
    scratch.and(svc.rqd.active);
    int cpu = scratch.nextSetBit(0);
    if (cpu >= 0) {
      return cpu;
    }
    scratch.copyFrom(hard);
    scratch.and(prv.ctx.poolCpus());
    return scratch.nextSetBit(0);
  }
}
