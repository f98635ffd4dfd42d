package org.xensim.sched.rtds;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;

// models rt_alloc_vdata(), rt_cpu_pick() and rt_dom_cntl(), shared by 4.7 and 4.6
/**
 * What the 4.7 and 4.6 RTDS models share besides the queues: per-vCPU data allocation
 * ({@code rt_alloc_vdata}), {@code rt_cpu_pick}, the domain-wide {@code rt_dom_cntl} and the
 * budget-miss bookkeeping. The algorithmic hooks ({@code rt_schedule}, wake, sleep,
 * context_saved, insert) are written out in each version's class, as each Xen version has them.
 */
public abstract class RtSchedulerBase implements Scheduler {
  protected final SchedContext ctx;
  protected final RtQueues queues;
  /** The pool's vCPUs, in insertion order (for the summary). */
  private final List<RtVcpu> vcpus = new ArrayList<>();
  /** Scratch mask for rt_cpu_pick(). */
  private final CpuMask pickMask = new CpuMask();

  protected RtSchedulerBase(SchedContext ctx) {
    this.ctx = ctx;
    this.queues = new RtQueues(ctx);
  }

  /**
   * Models {@code rt_alloc_vdata()} for the pCPU's idle vCPU (default period, budget 0); 4.7 adds
   * {@code rt_init_pdata()}'s timer set-up.
   */
  @Override
  public void initPcpu(int cpu, VCpu idle) {
    idle.setSchedPriv(new RtVcpu(idle, RtdsConstants.RTDS_DEFAULT_PERIOD, 0));
  }

  /**
   * Models {@code rt_vcpu_sleep()} of both versions: a running vCPU is descheduled by a pass on
   * its pCPU; a queued one leaves its queues ({@link #dequeueSleeper}); one still being switched
   * out is not re-queued.
   */
  @Override
  public void sleep(VCpu v) {
    RtVcpu svc = RtVcpu.of(v);
    if (ctx.curr(v.processor()) == v) {
      ctx.raiseScheduleSoftirq(v.processor());
    } else if (RtQueues.onQueue(svc)) {
      trackRunnable(svc, ctx.now(), false);
      dequeueSleeper(svc);
    } else if (svc.testFlag(RtdsConstants.RTDS_delayed_runq_add)) {
      trackRunnable(svc, ctx.now(), false);
      svc.clearFlag(RtdsConstants.RTDS_delayed_runq_add);
    }
  }

  /** The queues a queued vCPU leaves when it sleeps: run or depleted queue (4.7 adds replq). */
  protected void dequeueSleeper(RtVcpu svc) {
    queues.qRemove(svc);
  }

  /**
   * Models {@code rt_alloc_vdata()} with the scenario's period and budget applied at once (spec
   * §9 rule 11; a documented departure from libxl's later {@code putvcpuinfo}).
   */
  protected RtVcpu allocVdata(VCpu v) {
    // Departure (spec §9 rule 11): Xen allocates with RTDS_DEFAULT_PERIOD / _BUDGET and libxl
    // sets the scenario's values after insertion; here they are in force from the start.
    long period = RtdsParams.periodNs(v.params());
    long budget = RtdsParams.budgetNs(v.params());
    if (period <= 0 || budget <= 0 || budget > period) {
      throw new IllegalArgumentException("vCPU " + v + ": RTDS budget " + budget
          + "ns must be positive and at most its period " + period + "ns");
    }
    RtVcpu svc = new RtVcpu(v, period, budget);
    v.setSchedPriv(svc);
    vcpus.add(svc);
    return svc;
  }

  /**
   * Models {@code rt_cpu_pick()}: the vCPU's processor if it is allowed (hard affinity within the
   * pool), else the next allowed pCPU after it, cyclically.
   */
  @Override
  public int pickCpu(VCpu v) {
    CpuMask cpus = pickMask;
    cpus.copyFrom(ctx.poolCpus());
    cpus.and(v.hardAffinity());
    return cpus.get(v.processor()) ? v.processor() : CpuMasks.cycle(v.processor(), cpus);
  }

  /**
   * Models {@code rt_dom_cntl()} with {@code XEN_DOMCTL_SCHEDOP_putinfo}: sets period and budget
   * (us) of every vCPU of the domain; only zero is rejected, as in Xen. The current budget and
   * deadline are untouched: the values apply from the next replenishment.
   */
  @Override
  public void adjust(Domain d, SchedParams params) {
    // Departure: only putinfo; getinfo and the per-vCPU get/putvcpuinfo are not modelled.
    String p = RtdsParams.PERIOD.name();
    String b = RtdsParams.BUDGET.name();
    if (!params.has(p) || !params.has(b) || params.getLong(p) == 0 || params.getLong(b) == 0) {
      throw new IllegalArgumentException("rtds putinfo needs a non-zero period and budget");
    }
    for (VCpu v : d.vcpus()) {
      RtVcpu svc = RtVcpu.of(v);
      svc.periods.advance(ctx.now(), svc.period, svc.budget);
      svc.period = params.getLong(p) * RtdsParams.PERIOD.unitNs();
      svc.budget = params.getLong(b) * RtdsParams.BUDGET.unitNs();
    }
  }

  /** Starts {@code svc}'s budget-miss bookkeeping once its first deadline is known. */
  protected void startPeriods(RtVcpu svc, long now) {
    svc.periods.start(now, svc.curDeadline, svc.vcpu.isRunnable());
  }

  /** Budget-miss bookkeeping: {@code svc} became runnable or not at {@code now}. */
  protected static void trackRunnable(RtVcpu svc, long now, boolean runnable) {
    if (svc.periods != null) {
      svc.periods.setRunnable(now, runnable, svc.period, svc.budget);
    }
  }

  /** Budget-miss bookkeeping: {@code svc} was picked or switched out at {@code now}. */
  protected static void trackRunning(RtVcpu svc, long now, boolean running) {
    if (svc.periods != null) {
      svc.periods.setRunning(now, running, svc.period, svc.budget);
    }
  }

  /** Budget-miss bookkeeping for one rt_schedule() decision (not in Xen). */
  protected static void trackSwitch(RtVcpu scurr, RtVcpu snext, VCpu current, long now) {
    if (current.isIdle()) {
      if (!snext.isIdle()) {
        trackRunning(snext, now, true);
      }
      return;
    }
    if (!current.isRunnable()) {
      trackRunnable(scurr, now, false);
    }
    if (snext != scurr) {
      trackRunning(scurr, now, false);
      if (!snext.isIdle()) {
        trackRunning(snext, now, true);
      }
    }
  }

  /** Budget misses are counted from {@code nowNs} on: periods that ended before are dropped. */
  @Override
  public void measureStart(long nowNs) {
    for (RtVcpu svc : vcpus) {
      svc.periods.measureStart(nowNs, svc.period, svc.budget);
    }
  }

  /** Settles every vCPU's server periods that ended by now. */
  private void settlePeriods() {
    long now = ctx.now();
    for (RtVcpu svc : vcpus) {
      svc.periods.advance(now, svc.period, svc.budget);
    }
  }

  /**
   * Budget misses per vCPU ({@link ServerPeriods}): {@code budget_misses} (total) and
   * {@code vcpus}, one entry per vCPU in creation order with its domain, index, period and
   * budget (ns), the server periods ended and the misses among them.
   */
  @Override
  public Map<String, Object> summary() {
    settlePeriods();
    long total = 0;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RtVcpu svc : vcpus) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("domain", svc.vcpu.domain().name());
      row.put("vcpu", svc.vcpu.vcpuId());
      row.put("period_ns", svc.period);
      row.put("budget_ns", svc.budget);
      row.put("server_periods", svc.periods.periodsEnded());
      row.put("budget_misses", svc.periods.misses());
      rows.add(row);
      total += svc.periods.misses();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("budget_misses", total);
    out.put("vcpus", rows);
    return out;
  }

  /** Budget misses of {@code v} so far, periods ended by now included. */
  public long budgetMisses(VCpu v) {
    RtVcpu svc = RtVcpu.of(v);
    svc.periods.advance(ctx.now(), svc.period, svc.budget);
    return svc.periods.misses();
  }
}
