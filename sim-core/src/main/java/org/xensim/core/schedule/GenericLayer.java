package org.xensim.core.schedule;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.Collections;
import java.util.List;
import org.xensim.core.cost.CostModel;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.Listeners;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.sched.TaskSlice;
import org.xensim.core.workload.Workload;

/**
 * The generic scheduling layer; models {@code xen/common/schedule.c}: the schedule softirq and
 * slice timer, {@code vcpu_wake} / {@code vcpu_sleep_nosync} / {@code vcpu_block} /
 * {@code vcpu_yield}, context switch and {@code context_saved}, {@code vcpu_migrate} and runstate
 * accounting. Schedulers only see it through {@link org.xensim.core.sched.SchedContext}.
 *
 * <p>Besides Xen's state it tracks work: a running vCPU progresses at the cost model's rate (lower
 * while its SMT sibling is busy), settled and re-planned whenever that rate changes.
 */
public final class GenericLayer {
  final Simulation sim;
  final Topology topology;
  final CostModel costs;
  final Listeners listeners;
  final PCpu[] pcpus;
  private final List<CpuPool> pools = new ArrayList<>();
  private final List<Domain> domains = new ArrayList<>();
  private final List<VCpu> vcpus = new ArrayList<>();
  private final Domain idleDomain;
  private int nextVcpuId;

  public GenericLayer(Simulation sim, Topology topology, CostModel costs, Listeners listeners) {
    this.sim = sim;
    this.topology = topology;
    this.costs = costs;
    this.listeners = listeners;
    this.pcpus = new PCpu[topology.nrCpus()];
    this.idleDomain = new Domain(-1, "idle", -1, SchedParams.EMPTY, true);
    for (int c = 0; c < pcpus.length; c++) {
      PCpu p = new PCpu(c);
      CpuMask only = new CpuMask();
      only.set(c);
      p.idle = new VCpu(nextVcpuId++, idleDomain, c, c, only, only.clone(),
          SchedParams.EMPTY);
      p.idle.setRunning(true);
      p.idle.changeRunstate(RunState.RUNNING, 0);
      p.curr = p.idle;
      p.sliceTimer = sim.newTimer(c, () -> sliceTimerFired(p));
      p.softirq = sim.newTimer(c, () -> schedule(p));
      p.workDone = sim.newTimer(c, () -> workDone(p));
      p.contextSaved = sim.newTimer(c, () -> finishContextSwitch(p));
      pcpus[c] = p;
    }
  }

  // ---------------------------------------------------------------- set-up

  /**
   * Creates a cpupool with its own scheduler instance and initialises its pCPUs in ascending
   * order (models {@code cpupool_create} + {@code schedule_cpu_switch} + {@code init_pdata}).
   */
  public CpuPool addPool(String name, CpuMask cpus, SchedulerProvider provider, SchedParams params,
      String xenVersion) {
    CpuPool pool = new CpuPool(pools.size(), name, cpus, provider, xenVersion, this);
    for (int c = cpus.nextSetBit(0); c >= 0; c = cpus.nextSetBit(c + 1)) {
      if (pcpus[c].pool != null) {
        throw new IllegalArgumentException("pCPU " + c + " is already in pool "
            + pcpus[c].pool.name());
      }
      pcpus[c].pool = pool;
    }
    pool.scheduler = provider.create(pool, params);
    for (int c = cpus.nextSetBit(0); c >= 0; c = cpus.nextSetBit(c + 1)) {
      pool.scheduler.initPcpu(c, pcpus[c].idle);
    }
    pools.add(pool);
    return pool;
  }

  /** Creates a domain in {@code pool}; add its vCPUs with {@link #createVcpu}. */
  public Domain createDomain(String name, CpuPool pool, SchedParams params) {
    Domain d = new Domain(domains.size(), name, pool.id(), params, false);
    domains.add(d);
    return d;
  }

  /**
   * Creates a vCPU on {@code processor} and inserts it into its pool's scheduler (models
   * {@code sched_init_vcpu()}); it starts up and blocked (spec §2.3, xensim convention).
   */
  public VCpu createVcpu(Domain d, int processor, CpuMask hard, CpuMask soft, SchedParams params,
      Workload workload) {
    VCpu v = new VCpu(nextVcpuId++, d, d.vcpus().size(), processor, hard, soft, params);
    v.setPauseFlag(VCpu.VPF_BLOCKED);
    vcpus.add(v);
    guests.add(new GuestVcpu(this, v, workload));
    pools.get(d.poolId()).scheduler.insertVcpu(v);
    return v;
  }

  private final List<GuestVcpu> guests = new ArrayList<>();

  private GuestVcpu guestOf(VCpu v) {
    return guests.get(v.id() - pcpus.length);
  }

  /** Starts the workloads (arming their first wakes), in creation order. */
  public void startWorkloads() {
    for (GuestVcpu g : guests) {
      g.start();
    }
  }

  public List<CpuPool> pools() {
    return Collections.unmodifiableList(pools);
  }

  public List<Domain> domains() {
    return Collections.unmodifiableList(domains);
  }

  /** The guest vCPUs, in creation order. */
  public List<VCpu> vcpus() {
    return Collections.unmodifiableList(vcpus);
  }

  public Topology topology() {
    return topology;
  }

  public CpuPool poolOf(int cpu) {
    return pcpus[cpu].pool;
  }

  /** The vCPU {@code cpu} runs (its idle vCPU when none). */
  public VCpu curr(int cpu) {
    return pcpus[cpu].curr;
  }

  Scheduler schedulerOf(VCpu v) {
    return pools.get(v.domain().poolId()).scheduler;
  }

  // ---------------------------------------------------------------- softirq and schedule()

  /**
   * Models {@code cpu_raise_softirq(cpu, SCHEDULE_SOFTIRQ)} (spec §9 rule 2): posts a pass on
   * {@code cpu} after the IPI latency (none for the local pCPU), coalesced with a pending one.
   */
  void raiseScheduleSoftirq(int cpu) {
    PCpu p = pcpus[cpu];
    p.repollPass = false;
    long now = sim.now();
    int from = sim.currentCpu();
    long when = cpu == from ? now : now + costs.ipiLatencyNs();
    if (p.softirqPending) {
      if (p.softirq.expiry() > when) {
        p.softirq.set(when);
      }
      return;
    }
    p.softirqPending = true;
    p.softirq.set(when);
    if (cpu != from && from >= 0) {
      listeners.onIpi(from, cpu, now);
    }
  }

  /**
   * Models {@code s_timer_fn()}: raises the schedule softirq. A pass raised by nothing but the end
   * of an idle re-poll slice is reported as an idle re-poll (spec §10.1).
   */
  private void sliceTimerFired(PCpu p) {
    boolean repollOnly = p.repollSlice && !p.softirqPending;
    raiseScheduleSoftirq(p.id);
    p.repollPass = repollOnly;
  }

  /** Models {@code schedule()}, the SCHEDULE_SOFTIRQ handler (spec §2.4). */
  private void schedule(PCpu p) {
    if (p.switchingOut != null) {
      // A context switch is in progress: Xen finishes it (context_saved) before this pCPU
      // handles another softirq, so the pass waits for its end.
      p.softirq.set(p.contextSaved.expiry());
      return;
    }
    p.softirqPending = false;
    boolean repoll = p.repollPass;
    p.repollPass = false;
    if (p.pool == null) {
      return;
    }
    long now = sim.now();
    p.sliceTimer.stop();
    VCpu prev = p.curr;
    TaskSlice slice = p.slice;
    p.pool.scheduler.doSchedule(p.id, now, false, slice);
    VCpu next = slice.task;
    if (repoll) {
      listeners.onIdleRepoll(p.id, now);
    } else {
      listeners.onSchedule(p.id, now);
    }
    p.curr = next;
    p.repollSlice = slice.idleRepoll;
    if (slice.timeNs >= 0) {
      p.sliceTimer.set(now + slice.timeNs);
    }
    if (next == prev) {
      return;
    }
    settle(p, now);
    if (!prev.isIdle()) {
      guestOf(prev).progressOn = null;
      RunState to = prev.hasPauseFlag(VCpu.VPF_BLOCKED) ? RunState.BLOCKED
          : prev.isRunnable() ? RunState.RUNNABLE : RunState.OFFLINE;
      runstate(prev, to, now);
    }
    prev.setLastRunTime(now);
    next.setRunning(true);
    if (!next.isIdle()) {
      runstate(next, RunState.RUNNING, now);
      int from = next.lastRunCpu();
      if (from >= 0 && from != p.id) {
        listeners.onMigrate(next, from, p.id, now);
        addWork(next, costs.migrationPenaltyNs(topology.distance(from, p.id)));
      }
      next.setLastRunCpu(p.id);
      listeners.onRun(p.id, next, slice.timeNs, now);
    } else {
      listeners.onIdle(p.id, now);
    }
    long cost = costs.contextSwitchNs();
    listeners.onContextSwitch(p.id, prev, next, cost, now);
    startProgress(p, next, now + cost);
    if (prev.isIdle() != next.isIdle()) {
      siblingsChanged(p, now);
    }
    if (cost == 0) {
      contextSaved(prev);
    } else {
      p.switchingOut = prev;
      p.contextSaved.set(now + cost);
    }
  }

  private void finishContextSwitch(PCpu p) {
    VCpu prev = p.switchingOut;
    p.switchingOut = null;
    contextSaved(prev);
  }

  /** Models {@code context_saved()} (spec §2.5). */
  private void contextSaved(VCpu prev) {
    prev.setRunning(false);
    schedulerFor(prev).contextSaved(prev);
    if (prev.hasPauseFlag(VCpu.VPF_MIGRATING)) {
      vcpuMigrate(prev);
    }
  }

  private Scheduler schedulerFor(VCpu v) {
    return v.isIdle() ? pcpus[v.processor()].pool.scheduler : schedulerOf(v);
  }

  /** Models {@code vcpu_migrate()} (spec §2.9); pick_cpu is called once, as Xen's lock loop does. */
  void vcpuMigrate(VCpu v) {
    Scheduler s = schedulerOf(v);
    int newCpu = s.pickCpu(v);
    if (v.isRunning() || !v.testAndClearPauseFlag(VCpu.VPF_MIGRATING)) {
      return;
    }
    s.migrate(v, newCpu);
    vcpuWake(v);
  }

  private void runstate(VCpu v, RunState to, long now) {
    RunState from = v.changeRunstate(to, now);
    if (from != to) {
      listeners.onRunstate(v, from, to, now);
    }
  }

  // ---------------------------------------------------------------- wake, sleep, block, yield

  /** Models {@code vcpu_wake()}. */
  void vcpuWake(VCpu v) {
    long now = sim.now();
    if (v.isRunnable()) {
      if (v.runstate() == RunState.BLOCKED || v.runstate() == RunState.OFFLINE) {
        runstate(v, RunState.RUNNABLE, now);
      }
      schedulerOf(v).wake(v);
    } else if (!v.hasPauseFlag(VCpu.VPF_BLOCKED) && v.runstate() == RunState.BLOCKED) {
      runstate(v, RunState.OFFLINE, now);
    }
  }

  /** Models {@code vcpu_unblock()}: clears {@code _VPF_blocked} and wakes the vCPU. */
  void vcpuUnblock(VCpu v) {
    if (v.testAndClearPauseFlag(VCpu.VPF_BLOCKED)) {
      listeners.onWake(v, sim.now());
      vcpuWake(v);
    }
  }

  /** Models {@code vcpu_block()} of the running vCPU: no sleep hook, just a local pass. */
  void vcpuBlock(VCpu v) {
    v.setPauseFlag(VCpu.VPF_BLOCKED);
    listeners.onBlock(v, sim.now());
    raiseScheduleSoftirq(runningCpu(v));
  }

  /** The pCPU {@code v} runs on (its work progresses there), else its {@code processor}. */
  private int runningCpu(VCpu v) {
    PCpu p = guestOf(v).progressOn;
    return p != null ? p.id : v.processor();
  }

  /** Models {@code vcpu_yield()}: the scheduler's yield hook, then a local pass. */
  void vcpuYield(VCpu v) {
    schedulerOf(v).yield(v);
    raiseScheduleSoftirq(runningCpu(v));
  }

  /** Models {@code vcpu_sleep_nosync()}. */
  void vcpuSleepNosync(VCpu v) {
    if (!v.isRunnable()) {
      if (v.runstate() == RunState.RUNNABLE) {
        runstate(v, RunState.OFFLINE, sim.now());
      }
      schedulerOf(v).sleep(v);
    }
  }

  /** Models {@code vcpu_pause_nosync()}. */
  void vcpuPauseNosync(VCpu v) {
    v.incrementPauseCount();
    vcpuSleepNosync(v);
  }

  /** Models {@code vcpu_unpause()}. */
  void vcpuUnpause(VCpu v) {
    if (v.decrementPauseCount()) {
      vcpuWake(v);
    }
  }

  /**
   * Models {@code vcpu_set_hard_affinity()} / {@code vcpu_set_soft_affinity()} through
   * {@code vcpu_set_affinity()}: set the mask, flag {@code _VPF_migrating}, sleep, migrate.
   */
  public void setAffinity(VCpu v, CpuMask mask, boolean hard) {
    CpuMask target = hard ? v.hardAffinity() : v.softAffinity();
    target.copyFrom(mask);
    v.setPauseFlag(VCpu.VPF_MIGRATING);
    vcpuSleepNosync(v);
    vcpuMigrate(v);
  }

  // ---------------------------------------------------------------- work progress

  private double rateOf(PCpu p) {
    if (costs.smtRate() == 1.0) {
      return 1.0;
    }
    CpuMask sib = topology.siblingMask(p.id);
    for (int s = sib.nextSetBit(0); s >= 0; s = sib.nextSetBit(s + 1)) {
      if (s != p.id && !pcpus[s].curr.isIdle()) {
        return costs.smtRate();
      }
    }
    return 1.0;
  }

  private void startProgress(PCpu p, VCpu v, long from) {
    if (v.isIdle()) {
      p.progressing = null;
      p.workDone.stop();
      return;
    }
    p.progressing = v;
    guestOf(v).progressOn = p;
    p.progressStart = from;
    p.rate = rateOf(p);
    planCompletion(p);
  }

  /** Brings the work of the vCPU progressing on {@code p} up to {@code now}. */
  private void settle(PCpu p, long now) {
    VCpu v = p.progressing;
    if (v == null) {
      return;
    }
    long elapsed = now - p.progressStart;
    if (elapsed <= 0) {
      return;
    }
    p.progressStart = now;
    long done = p.rate == 1.0 ? elapsed : (long) (elapsed * p.rate);
    long remaining = v.workRemaining();
    if (remaining != Long.MAX_VALUE) {
      done = Math.min(done, remaining);
      v.setWorkRemaining(remaining - done);
    }
    if (done > 0) {
      listeners.onWork(v, done, now);
    }
  }

  private void planCompletion(PCpu p) {
    VCpu v = p.progressing;
    long remaining = v.workRemaining();
    if (remaining == Long.MAX_VALUE || v.hasPauseFlag(VCpu.VPF_BLOCKED)) {
      p.workDone.stop();
      return;
    }
    long start = Math.max(p.progressStart, sim.now());
    long need = p.rate == 1.0 ? remaining : (long) Math.ceil(remaining / p.rate);
    p.workDone.set(start + need);
  }

  private void siblingsChanged(PCpu p, long now) {
    if (costs.smtRate() == 1.0) {
      return;
    }
    CpuMask sib = topology.siblingMask(p.id);
    for (int s = sib.nextSetBit(0); s >= 0; s = sib.nextSetBit(s + 1)) {
      PCpu q = pcpus[s];
      if (s != p.id && q.progressing != null) {
        settle(q, now);
        q.rate = rateOf(q);
        planCompletion(q);
      }
    }
  }

  /** The running vCPU finished its demand: its workload decides what follows. */
  private void workDone(PCpu p) {
    VCpu v = p.progressing;
    settle(p, sim.now());
    v.setWorkRemaining(0);
    guestOf(v).workDone();
  }

  /** Adds work to {@code v}'s demand, re-planning its completion if it is progressing. */
  void addWork(VCpu v, long workNs) {
    if (workNs == 0) {
      return;
    }
    PCpu p = guestOf(v).progressOn;
    boolean progressing = p != null;
    if (progressing) {
      settle(p, sim.now());
    }
    long r = v.workRemaining();
    v.setWorkRemaining(r == Long.MAX_VALUE || workNs == Long.MAX_VALUE
        || r + workNs < 0 ? Long.MAX_VALUE : r + workNs);
    if (progressing) {
      planCompletion(p);
    }
  }

  /** Drops what is left of {@code v}'s demand, re-planning its completion if it is progressing. */
  void dropWork(VCpu v) {
    PCpu p = guestOf(v).progressOn;
    if (p != null) {
      settle(p, sim.now());
    }
    v.setWorkRemaining(0);
    if (p != null) {
      planCompletion(p);
    }
  }

  /** Tells every pool's scheduler that measuring starts now ({@link Scheduler#measureStart}). */
  public void measureStart() {
    for (CpuPool p : pools) {
      p.scheduler.measureStart(sim.now());
    }
  }

  /** Settles every running vCPU's work to now (at the warm-up boundary and the end). */
  public void settleAll() {
    long now = sim.now();
    for (PCpu p : pcpus) {
      settle(p, now);
    }
  }
}
