package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_HARD_AFFINITY;
import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_SOFT_AFFINITY;
import static org.xensim.sched.credit.CreditConstants.MICROSECS_1;

import org.xensim.core.host.CpuMask;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology;
import org.xensim.core.sched.SchedContext;

// models csched_load_balance()
/**
 * Work stealing when a pCPU's best local candidate is OVER or idle: models
 * {@code csched_load_balance()}, {@code csched_runq_steal()},
 * {@code __csched_vcpu_is_migrateable()} and {@code __csched_vcpu_is_cache_hot()} (spec §3.13).
 */
final class LoadBalancer {
  private final SchedContext ctx;
  private final CreditPrivate prv;
  private final Runq runq;
  private final Topology topo;
  private final CpuMask workers;
  /** {@code cpumask_scratch_cpu(cpu)} of the stealing pCPU. */
  private final CpuMask scratch;
  /** Set by {@link #loadBalance} when the vCPU returned was stolen ({@code *stolen}). */
  boolean stolen;

  LoadBalancer(SchedContext ctx, CreditPrivate prv, Runq runq) {
    this.ctx = ctx;
    this.prv = prv;
    this.runq = runq;
    this.topo = ctx.topology();
    this.workers = new CpuMask(topo.nrCpus());
    this.scratch = new CpuMask(topo.nrCpus());
  }

  /**
   * Models {@code csched_load_balance()}: for each balance step, scans the non-idle pCPUs of
   * {@code cpu}'s node, then of the following nodes, for strictly better work; the first vCPU
   * found is taken ({@link #stolen} set). Otherwise removes the local {@code snext} from its
   * runqueue and returns it. Try-locks always succeed here (spec §9 rule 8).
   */
  CreditVcpu loadBalance(int cpu, CreditVcpu snext) {
    stolen = false;
    CpuMask online = ctx.poolCpus();
    if (online.get(cpu)) {
      int node = topo.nodeOf(cpu);
      for (int step = CSCHED_BALANCE_SOFT_AFFINITY; step <= CSCHED_BALANCE_HARD_AFFINITY;
          step++) {
        int peerNode = node;
        do {
          workers.copyFrom(online);
          workers.andNot(prv.idlers);
          workers.and(topo.nodeMask(peerNode));
          workers.clear(cpu);
          int first = CpuMasks.first(workers);
          if (first >= 0) {
            int peerCpu = first;
            do {
              CreditVcpu speer = online.get(peerCpu)
                  ? runqSteal(peerCpu, cpu, snext.pri, step) : null;
              if (speer != null) {
                stolen = true;
                ctx.count("credit.steal", cpu);
                return speer;
              }
              peerCpu = CpuMasks.cycle(peerCpu, workers);
            } while (peerCpu != first);
          }
          // cycle_node() over node_online_map: every node of the host is online.
          peerNode = (peerNode + 1) % topo.nodes();
        } while (peerNode != node);
      }
    }
    runq.remove(snext);
    return snext;
  }

  /**
   * Models {@code csched_runq_steal()}: walks {@code peerCpu}'s runqueue from the head while its
   * elements are of strictly higher priority than {@code pri}, and takes the first one that may
   * move to {@code cpu} in this balance step. Nothing is taken from a pCPU running its idle vCPU.
   */
  private CreditVcpu runqSteal(int peerCpu, int cpu, int pri, int step) {
    CreditPcpu peerPcpu = prv.pcpu[peerCpu];
    VCpu peerVcpu = ctx.curr(peerCpu);
    if (peerPcpu == null || peerVcpu.isIdle()) {
      return null;
    }
    ListHead<CreditVcpu> q = peerPcpu.runq;
    for (ListHead<CreditVcpu> iter = q.next(); iter != q; iter = iter.next()) {
      CreditVcpu speer = iter.owner();
      if (speer.pri <= pri) {
        break;
      }
      VCpu vc = speer.vcpu;
      if (step == CSCHED_BALANCE_SOFT_AFFINITY
          && !BalanceStep.hasSoftAffinity(vc, ctx.poolCpus(), vc.hardAffinity())) {
        continue;
      }
      BalanceStep.cpumask(vc, step, scratch);
      if (isMigrateable(vc, cpu, scratch)) {
        runq.remove(speer);
        vc.setProcessor(cpu);
        return speer;
      }
    }
    return null;
  }

  /** Models {@code __csched_vcpu_is_migrateable()}. */
  private boolean isMigrateable(VCpu vc, int destCpu, CpuMask mask) {
    return !vc.isRunning() && !isCacheHot(vc) && mask.get(destCpu);
  }

  /**
   * Models {@code __csched_vcpu_is_cache_hot()}: switched out less than
   * {@code vcpu_migration_delay} µs ago. Xen compares the signed difference with an unsigned
   * 64-bit bound, i.e. unsigned.
   */
  private boolean isCacheHot(VCpu v) {
    long since = ctx.now() - v.lastRunTime();
    long delay = Integer.toUnsignedLong(prv.vcpuMigrationDelayUs) * MICROSECS_1;
    return Long.compareUnsigned(since, delay) < 0;
  }
}
