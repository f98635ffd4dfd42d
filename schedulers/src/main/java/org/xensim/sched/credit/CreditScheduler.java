package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_DEFAULT_WEIGHT;
import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_MIGRATING;
import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_PARKED;
import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_YIELD;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_IDLE;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_BOOST;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_OVER;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_UNDER;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.TaskSlice;

// models csched_schedule() and the other struct scheduler hooks of sched_credit.c
/**
 * One Credit instance (one cpupool): Xen 4.7's {@code sched_credit_def} hook table. The hooks
 * live here; the work is done by {@link Runq}, {@link RunqTickle}, {@link CpuPicker},
 * {@link LoadBalancer}, {@link Accounting} and {@link Ticker}, each modelling its own functions
 * of {@code sched_credit.c}. Credit has no {@code context_saved} and no {@code migrate} hook.
 */
final class CreditScheduler implements Scheduler {
  private final SchedContext ctx;
  private final CreditPrivate prv;
  private final Runq runq;
  private final RunqTickle tickler;
  private final CpuPicker picker;
  private final LoadBalancer balancer;
  private final Accounting accounting;
  private final Ticker ticker;

  CreditScheduler(SchedContext ctx, CreditPrivate prv) {
    this.ctx = ctx;
    this.prv = prv;
    this.runq = new Runq(prv);
    this.tickler = new RunqTickle(ctx, prv);
    this.picker = new CpuPicker(ctx, prv, runq);
    this.balancer = new LoadBalancer(ctx, prv, runq);
    this.accounting = new Accounting(ctx, prv);
    this.ticker = new Ticker(ctx, prv, runq, accounting, picker);
  }

  private static CreditVcpu svcOf(VCpu v) {
    return (CreditVcpu) v.schedPriv();
  }

  /**
   * Models {@code csched_alloc_vdata()} of the idle vCPU and {@code init_pdata()} in
   * {@code sched_credit.c}: the pool's credit grows by one pCPU's worth; the first pCPU becomes
   * the master and arms the accounting timer before its own tick (spec §9 rule 6); the pCPU starts
   * idle, with an empty runqueue.
   */
  @Override
  public void initPcpu(int cpu, VCpu idle) {
    idle.setSchedPriv(new CreditVcpu(idle, null, CSCHED_PRI_IDLE));
    long now = ctx.now();
    prv.credit += prv.creditsPerTslice;
    prv.ncpus++;
    prv.cpus.set(cpu);
    if (prv.ncpus == 1) {
      prv.master = cpu;
      prv.masterTicker = ctx.newTimer(cpu, accounting::acct);
      prv.masterTicker.set(now + prv.tsliceNs());
    }
    CreditPcpu spc = new CreditPcpu(cpu);
    prv.pcpu[cpu] = spc;
    spc.ticker = ctx.newTimer(cpu, () -> ticker.tick(cpu));
    spc.ticker.set(now + prv.tickPeriodNs());
    spc.runqSortLast = prv.runqSort;
    spc.idleBias = ctx.topology().nrCpus() - 1;
    prv.idlers.set(cpu);
  }

  /**
   * Models {@code csched_dom_init()} (on the domain's first vCPU), {@code csched_alloc_vdata()}
   * and {@code csched_vcpu_insert()}: a new vCPU starts UNDER with 0 credit, and is queued (without
   * a tickle) only if it is runnable and not running — never the case for scenario vCPUs, which
   * are inserted blocked.
   */
  @Override
  public void insertVcpu(VCpu v) {
    Domain d = v.domain();
    CreditDom sdom = d.schedPriv() instanceof CreditDom cd ? cd : null;
    if (sdom == null) {
      SchedParams p = d.params();
      sdom = new CreditDom(d,
          p.has("weight") ? p.getInt("weight") : CSCHED_DEFAULT_WEIGHT,
          p.has("cap") ? p.getInt("cap") : 0);
      d.setSchedPriv(sdom);
    }
    CreditVcpu svc = new CreditVcpu(v, sdom, CSCHED_PRI_TS_UNDER);
    v.setSchedPriv(svc);
    if (!svc.onRunq() && v.isRunnable() && !v.isRunning()) {
      runq.insert(svc);
    }
  }

  /** Models {@code csched_vcpu_remove()}: unparks a parked vCPU and deactivates it. */
  @Override
  public void removeVcpu(VCpu v) {
    CreditVcpu svc = svcOf(v);
    if (svc.testAndClearFlag(CSCHED_FLAG_VCPU_PARKED)) {
      ctx.vcpuUnpause(v);
    }
    if (svc.isActive()) {
      accounting.acctStop(svc);
    }
  }

  /**
   * Models {@code csched_vcpu_sleep()}: a vCPU current on its pCPU is switched out by a pass
   * there; a queued one leaves its runqueue.
   */
  @Override
  public void sleep(VCpu v) {
    CreditVcpu svc = svcOf(v);
    if (ctx.curr(v.processor()) == v) {
      ctx.raiseScheduleSoftirq(v.processor());
    } else if (svc.onRunq()) {
      runq.remove(svc);
    }
  }

  /**
   * Models {@code csched_vcpu_wake()}: a vCPU waking UNDER is boosted unless the wake completes a
   * migration (MIGRATING, set by every pick_cpu) or the vCPU is parked; then it is queued on its
   * processor and the pCPUs are tickled.
   */
  @Override
  public void wake(VCpu v) {
    CreditVcpu svc = svcOf(v);
    if (ctx.curr(v.processor()) == v || svc.onRunq()) {
      return;
    }
    boolean migrating = svc.testAndClearFlag(CSCHED_FLAG_VCPU_MIGRATING);
    if (!migrating && svc.pri == CSCHED_PRI_TS_UNDER
        && !svc.testFlag(CSCHED_FLAG_VCPU_PARKED)) {
      svc.pri = CSCHED_PRI_TS_BOOST;
    }
    runq.insert(svc);
    tickler.tickle(svc);
  }

  /** Models {@code csched_vcpu_yield()}: only sets YIELD; the generic layer reschedules. */
  @Override
  public void yield(VCpu v) {
    svcOf(v).setFlag(CSCHED_FLAG_VCPU_YIELD);
  }

  /** Models {@code csched_cpu_pick()}. */
  @Override
  public int pickCpu(VCpu v) {
    return picker.pickCpu(svcOf(v));
  }

  /**
   * Models {@code csched_dom_cntl()} with {@code XEN_DOMCTL_SCHEDOP_putinfo}: weight 0 and cap
   * 0xFFFF mean "unchanged"; a new weight is applied to the pool total at once for the domain's
   * active vCPUs, everything else takes effect at the next accounting.
   */
  @Override
  public void adjust(Domain d, SchedParams params) {
    CreditDom sdom = (CreditDom) d.schedPriv();
    if (params.has("weight")) {
      int weight = params.getInt("weight") & 0xFFFF;
      if (weight != 0) {
        if (!sdom.activeSdomElem.isEmpty()) {
          prv.weight -= sdom.weight * sdom.activeVcpuCount;
          prv.weight += weight * sdom.activeVcpuCount;
        }
        sdom.weight = weight;
      }
    }
    if (params.has("cap")) {
      int cap = params.getInt("cap") & 0xFFFF;
      if (cap != 0xFFFF) {
        sdom.cap = cap;
      }
    }
  }

  /**
   * Models {@code csched_schedule()} on {@code cpu} (spec §3.9): burn the current vCPU's credit;
   * keep it for another {@code ratelimit_us} if it has run less than that; otherwise re-queue it
   * if runnable, take the runqueue head, and if that is OVER or idle try to steal better work
   * from other pCPUs. Only here does {@code idlers} change.
   */
  @Override
  public void doSchedule(int cpu, long now, boolean taskletWorkScheduled, TaskSlice out) {
    VCpu current = ctx.curr(cpu);
    CreditVcpu scurr = svcOf(current);

    long runtime = now - current.stateEntryTime();
    if (runtime < 0) {
      runtime = 0;
    }

    if (!current.isIdle()) {
      scurr.burnCredits(now);
      scurr.startTime -= now;
    } else {
      // Re-instate a boosted (tasklet) idle vCPU as normal idle.
      scurr.pri = CSCHED_PRI_IDLE;
    }

    // Rate limit: 4.7 returns the full ratelimit_us (not the remainder), and holds back yields
    // too (both changed in 4.8).
    if (!taskletWorkScheduled && prv.ratelimitUs != 0 && current.isRunnable()
        && !current.isIdle() && runtime < prv.ratelimitNs()) {
      scurr.startTime += now;
      ctx.count("credit.ratelimit", cpu);
      out.set(current, prv.ratelimitNs(), false);
      return;
    }
    long tslice = prv.tsliceNs();

    if (current.isRunnable()) {
      runq.insert(scurr);
    }

    CreditVcpu snext = runq.of(cpu).first();
    boolean migrated = false;

    if (taskletWorkScheduled) {
      // Tasklet work runs in idle vCPU context and overrides all else.
      snext = svcOf(ctx.idleVcpu(cpu));
      snext.pri = CSCHED_PRI_TS_BOOST;
    }

    scurr.clearFlag(CSCHED_FLAG_VCPU_YIELD);

    if (snext.pri > CSCHED_PRI_TS_OVER) {
      runq.remove(snext);
    } else {
      snext = balancer.loadBalance(cpu, snext);
      migrated = balancer.stolen;
    }

    if (snext.pri == CSCHED_PRI_IDLE) {
      prv.idlers.set(cpu);
    } else {
      prv.idlers.clear(cpu);
    }

    if (!snext.vcpu.isIdle()) {
      snext.startTime += now;
    }

    out.set(snext.vcpu, snext.vcpu.isIdle() ? TaskSlice.NO_LIMIT : tslice, migrated);
  }

  /** The pool's effective Credit parameters, after csched_init()'s checks. */
  @Override
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tslice_ms", prv.tsliceMs);
    m.put("ratelimit_us", Integer.toUnsignedLong(prv.ratelimitUs));
    m.put("tick_period_us", prv.tickPeriodUs);
    m.put("credits_per_tslice", prv.creditsPerTslice);
    m.put("master", prv.master);
    return m;
  }

  // ---------------------------------------------------------------- for tests

  CreditPrivate priv() {
    return prv;
  }

  /** The credit of {@code v} (tests). */
  static int creditOf(VCpu v) {
    return svcOf(v).credit;
  }

  /** The priority of {@code v} (tests). */
  static int priOf(VCpu v) {
    return svcOf(v).pri;
  }
}
