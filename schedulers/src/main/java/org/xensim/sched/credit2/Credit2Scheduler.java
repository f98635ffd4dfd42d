package org.xensim.sched.credit2;

import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_CREDIT_INIT;
import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_CREDIT_RESET;
import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_MAX_TIMER;
import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_MIGRATE_COMPENSATION;
import static org.xensim.sched.credit2.Credit2Constants.CSCHED2_MIN_TIMER;
import static org.xensim.sched.credit2.Credit2Constants.CSFLAG_DELAYED_RUNQ_ADD;
import static org.xensim.sched.credit2.Credit2Constants.CSFLAG_SCHEDULED;
import static org.xensim.sched.credit2.Credit2Constants.LOADAVG_GRANULARITY_SHIFT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.TaskSlice;

/**
 * Xen 4.7's Credit2 scheduler for one cpupool; models {@code sched_credit2.c}'s hook table
 * ({@code sched_credit2_def}). Credit2 4.7 has no {@code yield} hook (a yield only forces a
 * pass) and no {@code adjust_global}.
 */
public final class Credit2Scheduler implements Scheduler {
  private final Credit2Private prv;
  private final LoadTracker load;
  private final RunqTickler tickler;
  private final LoadBalancer balancer;
  private final CpuChooser chooser;
  private long measureStartNs;

  /** Models {@code csched2_init()}. */
  Credit2Scheduler(SchedContext ctx, Credit2Options opts) {
    this.prv = new Credit2Private(ctx, opts);
    this.load = new LoadTracker(prv.loadWindowShift);
    this.tickler = new RunqTickler(prv);
    this.balancer = new LoadBalancer(prv, load, tickler);
    this.chooser = new CpuChooser(prv);
  }

  // ---------------------------------------------------------------- pCPUs and runqueues

  /**
   * Models {@code csched2_init_pdata()} → {@code sched_credit2.c:init_pdata()} (and
   * {@code csched2_alloc_vdata()} for the pCPU's idle vCPU): puts {@code cpu} in the runqueue
   * {@code cpu_to_runqueue()} gives, activating it if new.
   */
  @Override
  public void initPcpu(int cpu, VCpu idle) {
    Credit2Vcpu isvc = new Credit2Vcpu(idle, null);
    isvc.credit = Credit2Constants.CSCHED2_IDLE_CREDIT;
    isvc.weight = 0;
    idle.setSchedPriv(isvc);

    int rqi = cpuToRunqueue(cpu);
    Credit2Runqueue rqd = prv.rqd[rqi];
    if (!prv.activeQueues.get(rqi)) {
      // models activate_runqueue()
      rqd.activate(rqi);
      prv.activeQueues.set(rqi);
    }
    prv.runqMap[cpu] = rqi;
    rqd.idle.set(cpu);
    rqd.active.set(cpu);
    prv.initialized.set(cpu);
  }

  /**
   * Models {@code cpu_to_runqueue()}: the first runqueue id that is unused, or whose first pCPU
   * matches {@code cpu} under the {@code credit2_runqueue} option.
   */
  private int cpuToRunqueue(int cpu) {
    for (int rqi = 0; rqi < prv.rqd.length; rqi++) {
      Credit2Runqueue rqd = prv.rqd[rqi];
      if (rqd.id == -1) {
        return rqi;
      }
      int peer = CpuMasks.first(rqd.active);
      if (prv.opts.runqueue().sameRunqueue(prv.ctx.topology(), peer, cpu)) {
        return rqi;
      }
    }
    throw new IllegalStateException("no runqueue for pCPU " + cpu);
  }

  // ---------------------------------------------------------------- vCPUs

  /**
   * Models {@code csched2_vcpu_insert()} with {@code csched2_alloc_vdata()} (and
   * {@code csched2_alloc_domdata()} for a domain's first vCPU): full initial credit, 50 % load,
   * assigned to the runqueue of its {@code processor}, not queued.
   */
  @Override
  public void insertVcpu(VCpu v) {
    Domain d = v.domain();
    Credit2Domain sdom;
    if (d.schedPriv() instanceof Credit2Domain) {
      sdom = (Credit2Domain) d.schedPriv();
    } else {
      SchedParams p = d.params();
      int weight = p.has(Credit2Options.WEIGHT) ? p.getInt(Credit2Options.WEIGHT)
          : Credit2Constants.CSCHED2_DEFAULT_WEIGHT;
      sdom = new Credit2Domain(d, weight);
      d.setSchedPriv(sdom);
    }
    Credit2Vcpu svc = new Credit2Vcpu(v, sdom);
    svc.credit = (int) CSCHED2_CREDIT_INIT;
    svc.weight = sdom.weight;
    svc.avgload = 1L << (prv.loadWindowShift - 1);
    svc.loadLastUpdate = prv.ctx.now() >> LOADAVG_GRANULARITY_SHIFT;
    v.setSchedPriv(svc);

    // models runq_assign()
    prv.rqdOf(v.processor()).assign(svc);
    sdom.nrVcpus++;
  }

  /** Models {@code csched2_vcpu_remove()}. */
  @Override
  public void removeVcpu(VCpu v) {
    Credit2Vcpu svc = Credit2Private.svc(v);
    assert !svc.onRunq;
    // models runq_deassign()
    svc.rqd.deassign(svc);
    svc.sdom.nrVcpus--;
  }

  /**
   * Models {@code csched2_vcpu_sleep()}: a running vCPU gets its pCPU rescheduled; a queued one
   * leaves the queue (load −1); one awaiting re-queueing stays off the queue.
   */
  @Override
  public void sleep(VCpu v) {
    Credit2Vcpu svc = Credit2Private.svc(v);
    if (prv.ctx.curr(v.processor()) == v) {
      prv.ctx.raiseScheduleSoftirq(v.processor());
    } else if (svc.onRunq) {
      assert svc.rqd == prv.rqdOf(v.processor());
      load.updateLoad(svc.rqd, svc, -1, prv.ctx.now());
      svc.rqd.runqRemove(svc);
    } else if (svc.hasFlag(CSFLAG_DELAYED_RUNQ_ADD)) {
      svc.clearFlag(CSFLAG_DELAYED_RUNQ_ADD);
    }
  }

  /**
   * Models {@code csched2_vcpu_wake()}: queue the vCPU on its processor's runqueue (load +1) and
   * tickle, unless it is current, already queued, or still being switched out (then it is
   * re-queued by {@code context_saved}).
   */
  @Override
  public void wake(VCpu v) {
    Credit2Vcpu svc = Credit2Private.svc(v);
    if (prv.ctx.curr(v.processor()) == v) {
      return;
    }
    if (svc.onRunq) {
      return;
    }
    if (svc.hasFlag(CSFLAG_SCHEDULED)) {
      svc.setFlag(CSFLAG_DELAYED_RUNQ_ADD);
      return;
    }
    if (svc.rqd == null) {
      prv.rqdOf(v.processor()).assign(svc);
    }
    assert svc.rqd == prv.rqdOf(v.processor());
    long now = prv.ctx.now();
    load.updateLoad(svc.rqd, svc, 1, now);
    svc.rqd.runqInsert(svc);
    tickler.runqTickle(v.processor(), svc, now);
  }

  /**
   * Models {@code csched2_context_saved()}: the vCPU is no longer scheduled; if it is to go back
   * on the queue and is runnable, queue it and tickle; otherwise (blocked, paused, migrating)
   * its load leaves the runqueue.
   */
  @Override
  public void contextSaved(VCpu v) {
    Credit2Vcpu svc = Credit2Private.svc(v);
    long now = prv.ctx.now();
    svc.clearFlag(CSFLAG_SCHEDULED);
    if (svc.testAndClearFlag(CSFLAG_DELAYED_RUNQ_ADD) && v.isRunnable()) {
      assert !svc.onRunq;
      svc.rqd.runqInsert(svc);
      tickler.runqTickle(v.processor(), svc, now);
    } else if (!svc.isIdle()) {
      load.updateLoad(svc.rqd, svc, -1, now);
    }
  }

  /** Models {@code csched2_cpu_pick()} → {@code choose_cpu()}. */
  @Override
  public int pickCpu(VCpu v) {
    return chooser.chooseCpu(v);
  }

  /**
   * Models {@code csched2_vcpu_migrate()}: a move to another runqueue goes through
   * {@code migrate()}, which sets {@code processor} to a random allowed pCPU of that runqueue
   * (not necessarily {@code newCpu}); within the runqueue only {@code processor} changes.
   */
  @Override
  public void migrate(VCpu v, int newCpu) {
    Credit2Vcpu svc = Credit2Private.svc(v);
    assert prv.initialized.get(newCpu);
    Credit2Runqueue trqd = prv.rqdOf(newCpu);
    if (trqd != svc.rqd) {
      balancer.migrate(svc, trqd, prv.ctx.now());
    } else {
      v.setProcessor(newCpu);
    }
  }

  /**
   * Models {@code csched2_dom_cntl()} ({@code XEN_DOMCTL_SCHEDOP_putinfo}): a non-zero weight
   * replaces the domain's and its vCPUs', and each runqueue's max weight follows. Credits are not
   * rescaled.
   */
  @Override
  public void adjust(Domain d, SchedParams params) {
    if (!params.has(Credit2Options.WEIGHT) || !(d.schedPriv() instanceof Credit2Domain)) {
      return;
    }
    int weight = params.getInt(Credit2Options.WEIGHT);
    if (weight == 0) {
      return;
    }
    Credit2Domain sdom = (Credit2Domain) d.schedPriv();
    int oldWeight = sdom.weight;
    sdom.weight = weight & 0xFFFF; // uint16_t
    for (VCpu v : d.vcpus()) {
      Credit2Vcpu svc = Credit2Private.svc(v);
      svc.weight = sdom.weight;
      svc.rqd.updateMaxWeight(svc.weight, oldWeight);
    }
  }

  // ---------------------------------------------------------------- the decision

  /**
   * Models {@code csched2_schedule()}: burn the current vCPU, pick the candidate, re-queue the
   * descheduled vCPU later (in {@code context_saved}), reset credits and balance if the chosen
   * vCPU has none left, and compute the slice.
   */
  @Override
  public void doSchedule(int cpu, long now, boolean taskletWorkScheduled, TaskSlice out) {
    Credit2Runqueue rqd = prv.rqdOf(cpu);
    VCpu current = prv.ctx.curr(cpu);
    Credit2Vcpu scurr = Credit2Private.svc(current);
    assert scurr.isIdle() || scurr.rqd == rqd;

    // clear the tickled bit now that this pCPU is scheduling
    rqd.tickled.clear(cpu);

    CreditMath.burnCredits(rqd, scurr, now);

    Credit2Vcpu snext = taskletWorkScheduled ? Credit2Private.svc(prv.ctx.idleVcpu(cpu))
        : runqCandidate(rqd, scurr, cpu);

    // a runnable vCPU being switched out goes back on the queue in context_saved, so it is not
    // queued while the slice below is computed (quirk §4.15.3)
    if (snext != scurr && !scurr.isIdle() && current.isRunnable()) {
      scurr.setFlag(CSFLAG_DELAYED_RUNQ_ADD);
    }

    boolean migrated = false;
    if (!snext.isIdle()) {
      if (snext != scurr) {
        assert snext.rqd == rqd && !snext.vcpu.isRunning();
        rqd.runqRemove(snext);
        snext.setFlag(CSFLAG_SCHEDULED);
      }
      // the reset is judged on the chosen vCPU, not the queue head (quirk §4.15.1)
      if (snext.credit <= CSCHED2_CREDIT_RESET) {
        CreditReset.resetCredit(rqd, now, snext);
        prv.ctx.count(CreditReset.COUNTER, cpu);
        balancer.balanceLoad(cpu, now);
      }
      rqd.idle.clear(cpu);
      snext.startTime = now;
      if (snext.vcpu.processor() != cpu) {
        snext.credit = (int) (snext.credit + CSCHED2_MIGRATE_COMPENSATION);
        snext.vcpu.setProcessor(cpu);
        migrated = true;
      }
    } else {
      rqd.idle.set(cpu);
      // keep the runqueue's average moving while idle
      load.updateLoad(rqd, null, 0, now);
    }

    out.set(snext.vcpu, csched2Runtime(rqd, snext), migrated);
  }

  /**
   * Models {@code runq_candidate()}: the current vCPU (or idle) unless the first queued vCPU
   * allowed here has more credit; one last run on another pCPU must beat it by
   * {@code CSCHED2_MIGRATE_RESIST}. The walk stops at the first vCPU that passes both filters.
   */
  private Credit2Vcpu runqCandidate(Credit2Runqueue rqd, Credit2Vcpu scurr, int cpu) {
    Credit2Vcpu snext = scurr.vcpu.isRunnable() ? scurr
        : Credit2Private.svc(prv.ctx.idleVcpu(cpu));
    List<Credit2Vcpu> runq = rqd.runq;
    for (int i = 0, n = runq.size(); i < n; i++) {
      Credit2Vcpu svc = runq.get(i);
      if (!svc.vcpu.hardAffinity().get(cpu)) {
        continue;
      }
      if (svc.vcpu.processor() != cpu
          && (long) snext.credit + prv.opts.migrateResistNs() > svc.credit) {
        continue; // migration resisted
      }
      if (svc.credit > snext.credit) {
        snext = svc;
      }
      break;
    }
    return snext;
  }

  /**
   * Models {@code csched2_runtime()}: run until the credit falls to the queue head's (if that is
   * positive), else to zero; clamped to [MIN_TIMER, MAX_TIMER] = [0.5 ms, 2 ms]. The head is
   * taken whatever its affinity.
   */
  private long csched2Runtime(Credit2Runqueue rqd, Credit2Vcpu snext) {
    if (snext.isIdle()) {
      return TaskSlice.NO_LIMIT;
    }
    int rtCredit = snext.credit;
    if (!rqd.runq.isEmpty()) {
      Credit2Vcpu swait = rqd.runq.get(0);
      if (!swait.isIdle() && swait.credit > 0) {
        rtCredit = snext.credit - swait.credit;
      }
    }
    long time;
    if (rtCredit <= 0) {
      time = CSCHED2_MIN_TIMER;
    } else {
      time = CreditMath.c2t(rqd, rtCredit, snext);
      if (time < CSCHED2_MIN_TIMER) {
        time = CSCHED2_MIN_TIMER;
      } else if (time > CSCHED2_MAX_TIMER) {
        time = CSCHED2_MAX_TIMER;
      }
    }
    return time;
  }

  // ---------------------------------------------------------------- reporting

  /** Starts the measured time: the runqueue statistics restart at {@code nowNs}. */
  @Override
  public void measureStart(long nowNs) {
    measureStartNs = nowNs;
    for (Credit2Runqueue rqd : prv.rqd) {
      rqd.integrateLoad(nowNs);
      rqd.loadIntegral = 0;
      rqd.resets = 0;
      rqd.balanceCalls = 0;
      rqd.balancedIn = 0;
      rqd.balancedOut = 0;
    }
  }

  /**
   * The runqueues for {@code summary.json}: id, pCPUs, Xen's decaying average load at the end
   * ({@code avgload}, in vCPUs: 1.0 = 2^load_window_shift), the time-weighted mean of the
   * instantaneous {@code load} over the measured time, the max weight, and the credit resets,
   * {@code balance_load()} calls and vCPUs the balancer moved in and out (decisions, including
   * deferred moves of running vCPUs) during the measured time.
   */
  @Override
  public Map<String, Object> summary() {
    long now = prv.ctx.now();
    long measured = now - measureStartNs;
    double w = (double) (1L << prv.loadWindowShift);
    List<Map<String, Object>> rqs = new ArrayList<>();
    for (int i = prv.activeQueues.nextSetBit(0); i >= 0; i = prv.activeQueues.nextSetBit(i + 1)) {
      Credit2Runqueue rqd = prv.rqd[i];
      rqd.integrateLoad(now);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", rqd.id);
      m.put("cpus", CpuMasks.format(rqd.active));
      m.put("avgload", rqd.avgload / w);
      m.put("mean_load", measured > 0 ? (double) rqd.loadIntegral / measured : 0.0);
      m.put("max_weight", rqd.maxWeight);
      m.put("resets", rqd.resets);
      m.put("balance_attempts", rqd.balanceCalls);
      m.put("balanced_in", rqd.balancedIn);
      m.put("balanced_out", rqd.balancedOut);
      rqs.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("credit2_runqueue", prv.opts.runqueue().word());
    out.put("runqueues", rqs);
    return out;
  }

  /** For tests: the runqueue id of {@code cpu}. */
  int runqueueOf(int cpu) {
    return prv.runqMap[cpu];
  }

  /** For tests: the tickler. */
  RunqTickler tickler() {
    return tickler;
  }

  /** For tests: the balancer. */
  LoadBalancer balancer() {
    return balancer;
  }

  /** For tests: the state object. */
  Credit2Private priv() {
    return prv;
  }
}
