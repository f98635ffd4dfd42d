package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_HARD_AFFINITY;
import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_SOFT_AFFINITY;
import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_MIGRATING;

import org.xensim.core.host.CpuMask;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology;
import org.xensim.core.sched.SchedContext;

// models _csched_cpu_pick()
/**
 * Chooses a pCPU for a vCPU, preferring idle pCPUs on the most idle core / socket: models
 * {@code _csched_cpu_pick()} and {@code csched_cpu_pick()} (spec §3.11).
 */
final class CpuPicker {
  private final SchedContext ctx;
  private final CreditPrivate prv;
  private final Runq runq;
  private final Topology topo;
  // Scratch masks (the C code's stack cpumasks); reused, never allocated per call.
  private final CpuMask cpus;
  private final CpuMask idlers;
  private final CpuMask cpuIdlers;
  private final CpuMask nxtIdlers;

  CpuPicker(SchedContext ctx, CreditPrivate prv, Runq runq) {
    this.ctx = ctx;
    this.prv = prv;
    this.runq = runq;
    this.topo = ctx.topology();
    int n = topo.nrCpus();
    cpus = new CpuMask(n);
    idlers = new CpuMask(n);
    cpuIdlers = new CpuMask(n);
    nxtIdlers = new CpuMask(n);
  }

  /**
   * Models {@code csched_cpu_pick()}, the {@code pick_cpu} hook (called from
   * {@code vcpu_migrate()} only): flags the vCPU MIGRATING so that the wake that follows does not
   * boost it, then picks with commit.
   */
  int pickCpu(CreditVcpu svc) {
    svc.setFlag(CSCHED_FLAG_VCPU_MIGRATING);
    return pick(svc.vcpu, true);
  }

  /**
   * Models {@code _csched_cpu_pick()}. With {@code commit}, the {@code idle_bias} of the last
   * pCPU whose core (or socket) was preferred records the thread chosen.
   */
  int pick(VCpu vc, boolean commit) {
    CpuMask online = ctx.poolCpus();
    CreditPcpu spc = null;
    int cpu = vc.processor();
    cpus.copyFrom(vc.hardAffinity());
    cpus.and(online);

    for (int step = CSCHED_BALANCE_SOFT_AFFINITY; step <= CSCHED_BALANCE_HARD_AFFINITY; step++) {
      if (step == CSCHED_BALANCE_SOFT_AFFINITY
          && !BalanceStep.hasSoftAffinity(vc, online, cpus)) {
        continue;
      }
      BalanceStep.cpumask(vc, step, cpus);
      cpus.and(online);

      // Prefer the vCPU's current processor if allowed.
      cpu = cpus.get(vc.processor()) ? vc.processor() : CpuMasks.cycle(vc.processor(), cpus);

      // Xen ands prv->idlers with cpu_online_map; prv->idlers only ever holds this pool's pCPUs.
      idlers.copyFrom(prv.idlers);
      idlers.and(topo.allCpus());
      // Discount vc itself: its processor counts as idle if nobody waits there. This does not
      // check where vc runs (spec §3.11 step 3), reproduced as is.
      if (vc.processor() == cpu && runq.isIdle(cpu)) {
        idlers.set(cpu);
      }
      cpus.and(idlers);

      if (!cpus.get(cpu) && !cpus.isEmpty()) {
        cpu = CpuMasks.cycle(cpu, cpus);
      }
      cpus.clear(cpu);

      while (!cpus.isEmpty()) {
        int nxt = CpuMasks.cycle(cpu, cpus);
        int migrateFactor;
        cpuIdlers.copyFrom(idlers);
        nxtIdlers.copyFrom(idlers);
        if (topo.socketMask(nxt).get(cpu)) {
          // Same socket: compare the idle threads of the two cores.
          migrateFactor = 1;
          cpuIdlers.and(topo.siblingMask(cpu));
          nxtIdlers.and(topo.siblingMask(nxt));
        } else {
          // Different sockets: compare the sockets; move only if twice as idle.
          migrateFactor = 2;
          cpuIdlers.and(topo.socketMask(cpu));
          nxtIdlers.and(topo.socketMask(nxt));
        }
        int weightCpu = cpuIdlers.cardinality();
        int weightNxt = nxtIdlers.cardinality();
        if (prv.smtPowerSavings ? weightCpu > weightNxt
            : weightCpu * migrateFactor < weightNxt) {
          nxtIdlers.and(cpus);
          spc = prv.pcpu[nxt];
          cpu = CpuMasks.cycle(spc.idleBias, nxtIdlers);
          cpus.andNot(topo.siblingMask(cpu));
        } else {
          cpus.andNot(nxtIdlers);
        }
      }

      if (idlers.get(cpu)) {
        break;
      }
    }

    if (commit && spc != null) {
      spc.idleBias = cpu;
    }
    return cpu;
  }
}
