package org.xensim.sched.credit2;

import org.xensim.core.host.CpuMask;
import java.util.List;
import org.xensim.core.domain.VCpu;

// models balance_load()
/**
 * Moves vCPUs between runqueues; models {@code balance_load()}, {@code consider()},
 * {@code sched_credit2.c:migrate()} and {@code vcpu_is_migrateable()}. The working state of a
 * pass ({@code balance_state_t}) lives in fields, so a pass allocates nothing.
 */
final class LoadBalancer {
  static final String COUNTER_BALANCE = "credit2.balance";
  static final String COUNTER_MIGRATE = "credit2.balance_migrate";

  private final Credit2Private prv;
  private final LoadTracker load;
  private final RunqTickler tickler;

  // balance_state_t
  private long loadDelta;
  private Credit2Vcpu bestPush;
  private Credit2Vcpu bestPull;
  private Credit2Runqueue lrqd;
  private Credit2Runqueue orqd;

  LoadBalancer(Credit2Private prv, LoadTracker load, RunqTickler tickler) {
    this.prv = prv;
    this.load = load;
    this.tickler = tickler;
  }

  /**
   * Models {@code balance_load()}, run on {@code cpu} right after a credit reset. Try-locks
   * always succeed in xensim (spec §9 rule 8), so the {@code retry} path never runs.
   */
  void balanceLoad(int cpu, long now) {
    bestPush = null;
    bestPull = null;
    lrqd = prv.rqdOf(cpu);
    lrqd.balanceCalls++;
    prv.ctx.count(COUNTER_BALANCE, cpu);

    load.updateRunqLoad(lrqd, 0, now);

    loadDelta = 0;
    int maxDeltaRqi = -1;
    CpuMask queues = prv.activeQueues;
    for (int i = queues.nextSetBit(0); i >= 0; i = queues.nextSetBit(i + 1)) {
      // orqd is assigned before the "is it lrqd?" test, so after the loop it is the last
      // runqueue visited, which the threshold below uses (quirk §4.15.5)
      orqd = prv.rqd[i];
      if (orqd == lrqd) {
        continue;
      }
      load.updateRunqLoad(orqd, 0, now);
      long delta = Math.abs(lrqd.bAvgload - orqd.bAvgload);
      if (delta > loadDelta) {
        loadDelta = delta;
        maxDeltaRqi = i;
      }
    }
    if (maxDeltaRqi == -1) {
      return;
    }

    long loadMax = Math.max(lrqd.bAvgload, orqd.bAvgload);
    int cpusMax = Math.max(lrqd.active.cardinality(), orqd.active.cardinality());
    int shift = prv.loadWindowShift;
    // Both comparisons are unsigned in C (u64 on the right); a negative load_max counts as
    // over-loaded (fixed in 4.8). A shift count is taken modulo 64, as x86 and Java both do.
    if (Long.compareUnsigned(loadMax, (1L << shift) * cpusMax) < 0) {
      if (Long.compareUnsigned(loadDelta, 1L << (shift + prv.opts.balanceUnder())) < 0) {
        return;
      }
    } else if (Long.compareUnsigned(loadDelta, 1L << (shift + prv.opts.balanceOver())) < 0) {
      return;
    }

    orqd = prv.rqd[maxDeltaRqi];

    // Look for the push, pull or swap that leaves the smallest difference; load_delta is
    // reused as the best difference so far, so doing nothing wins unless a move improves.
    List<Credit2Vcpu> lsvc = lrqd.svc;
    List<Credit2Vcpu> osvc = orqd.svc;
    for (int p = 0, np = lsvc.size(); p < np; p++) {
      Credit2Vcpu push = lsvc.get(p);
      load.updateSvcLoad(push, 0, now);
      if (!vcpuIsMigrateable(push, orqd)) {
        continue;
      }
      // 4.7 brings the other side's vCPUs up to date once per migrateable push candidate
      // (inner_load_updated is reset every iteration); at one instant that is idempotent
      for (int q = 0, nq = osvc.size(); q < nq; q++) {
        Credit2Vcpu pull = osvc.get(q);
        load.updateSvcLoad(pull, 0, now);
        if (!vcpuIsMigrateable(pull, lrqd)) {
          continue;
        }
        consider(push, pull);
      }
      consider(push, null);
    }
    for (int q = 0, nq = osvc.size(); q < nq; q++) {
      Credit2Vcpu pull = osvc.get(q);
      if (!vcpuIsMigrateable(pull, lrqd)) {
        continue;
      }
      consider(null, pull);
    }

    Credit2Vcpu push = bestPush;
    Credit2Vcpu pull = bestPull;
    Credit2Runqueue from = lrqd;
    Credit2Runqueue to = orqd;
    if (push != null) {
      from.balancedOut++;
      to.balancedIn++;
      prv.ctx.count(COUNTER_MIGRATE, cpu);
      migrate(push, to, now);
    }
    if (pull != null) {
      to.balancedOut++;
      from.balancedIn++;
      prv.ctx.count(COUNTER_MIGRATE, cpu);
      migrate(pull, from, now);
    }
  }

  /** Models {@code consider()}: records (push, pull) if it leaves a smaller difference. */
  private void consider(Credit2Vcpu push, Credit2Vcpu pull) {
    long lLoad = lrqd.bAvgload;
    long oLoad = orqd.bAvgload;
    if (push != null) {
      lLoad -= push.avgload;
      oLoad += push.avgload;
    }
    if (pull != null) {
      lLoad += pull.avgload;
      oLoad -= pull.avgload;
    }
    long delta = Math.abs(lLoad - oLoad);
    if (delta < loadDelta) {
      loadDelta = delta;
      bestPush = push;
      bestPull = pull;
    }
  }

  /**
   * Models {@code vcpu_is_migrateable()}: no pending migrate request, and allowed on at least
   * one pCPU of {@code rqd}.
   */
  private static boolean vcpuIsMigrateable(Credit2Vcpu svc, Credit2Runqueue rqd) {
    return !svc.hasFlag(Credit2Constants.CSFLAG_RUNQ_MIGRATE_REQUEST)
        && svc.vcpu.hardAffinity().intersects(rqd.active);
  }

  /**
   * Models {@code sched_credit2.c:migrate()}: moves {@code svc} to runqueue {@code trqd}. A
   * scheduled vCPU is only flagged ({@code _VPF_migrating} and a migrate request) and moves when
   * it is next switched out; 4.7 raises no softirq for it (quirk §4.15.6). Otherwise it moves now
   * to a random allowed pCPU of {@code trqd}, and if it was queued it is queued and tickled there.
   */
  void migrate(Credit2Vcpu svc, Credit2Runqueue trqd, long now) {
    VCpu v = svc.vcpu;
    if (svc.hasFlag(Credit2Constants.CSFLAG_SCHEDULED)) {
      svc.migrateRqd = trqd;
      v.setPauseFlag(VCpu.VPF_MIGRATING);
      svc.setFlag(Credit2Constants.CSFLAG_RUNQ_MIGRATE_REQUEST);
      return;
    }
    boolean onRunq = false;
    if (svc.onRunq) {
      svc.rqd.runqRemove(svc);
      load.updateLoad(svc.rqd, null, -1, now);
      onRunq = true;
    }
    svc.rqd.deassign(svc);

    CpuMask scratch = prv.scratch;
    scratch.copyFrom(v.hardAffinity());
    scratch.and(trqd.active);
    int cpu = prv.cpumaskAny(scratch);
    assert cpu >= 0;
    v.setProcessor(cpu);

    trqd.assign(svc);
    if (onRunq) {
      load.updateLoad(svc.rqd, null, 1, now);
      svc.rqd.runqInsert(svc);
      tickler.runqTickle(cpu, svc, now);
    }
  }
}
