package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_BOOST;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_UNDER;

import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedContext;

// models csched_tick()
/**
 * The per-pCPU tick: models {@code csched_tick()} and {@code csched_vcpu_acct()} (spec §3.7).
 * Ticks run on a fixed grid from t = 0 on every pCPU of the pool: Xen's tick suspend / resume on
 * idle pCPUs ({@code csched_tick_suspend()} / {@code csched_tick_resume()}) re-aligns to the same
 * grid and only skips ticks that would sort an empty runqueue, so it is not modelled.
 */
final class Ticker {
  private final SchedContext ctx;
  private final CreditPrivate prv;
  private final Runq runq;
  private final Accounting accounting;
  private final CpuPicker picker;

  Ticker(SchedContext ctx, CreditPrivate prv, Runq runq, Accounting accounting,
      CpuPicker picker) {
    this.ctx = ctx;
    this.prv = prv;
    this.runq = runq;
    this.accounting = accounting;
    this.picker = picker;
  }

  /** Models {@code csched_tick()} on {@code cpu}. */
  void tick(int cpu) {
    CreditPcpu spc = prv.pcpu[cpu];
    spc.tick++;
    if (!ctx.curr(cpu).isIdle()) {
      vcpuAcct(cpu);
    }
    runq.sort(cpu);
    spc.ticker.set(ctx.now() + prv.tickPeriodNs());
  }

  /**
   * Models {@code csched_vcpu_acct()} for the vCPU running on {@code cpu}: ends its BOOST, burns
   * its credit, makes it active if it was not (the only way a vCPU becomes active), else asks
   * _csched_cpu_pick() (no commit) whether it would be better elsewhere and if so flags it
   * {@code _VPF_migrating} and reschedules here at once.
   */
  private void vcpuAcct(int cpu) {
    VCpu current = ctx.curr(cpu);
    CreditVcpu svc = (CreditVcpu) current.schedPriv();
    if (svc.pri == CSCHED_PRI_TS_BOOST) {
      svc.pri = CSCHED_PRI_TS_UNDER;
    }
    svc.burnCredits(ctx.now());
    if (!svc.isActive()) {
      accounting.acctStart(svc);
    } else if (picker.pick(current, false) != cpu) {
      current.setPauseFlag(VCpu.VPF_MIGRATING);
      ctx.count("credit.tick_migrate", cpu);
      ctx.raiseScheduleSoftirq(cpu);
    }
  }
}
