package org.xensim.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.SimListener;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;

/**
 * Folds the event stream into per-vCPU, per-pCPU, per-pool and host figures over the measured
 * time [warm-up end, run end).
 *
 * <p>Memory is bounded and set up front: counters, latency histograms with a fixed relative error
 * ({@link Latency}: HdrHistogram, {@value Latency#DIGITS} significant digits, growing only when a
 * value doubles the largest seen), and for "who ran while you waited" two arrays per vCPU of one
 * slot per domain of its pool. Nothing is allocated or boxed per event.
 *
 * <p>Runnable time is split as Xen's scheduler developers measure it: <b>wake-to-run latency</b>
 * (runnable since {@code vcpu_wake}) and <b>preemption wait</b> (runnable since being descheduled
 * while still runnable).
 */
public final class MetricsCollector implements SimListener {
  /** Above this many (vCPU, domain) pairs, "who ran while you waited" is not tracked. */
  static final long MAX_ATTRIBUTION_SLOTS = 1L << 22;
  /** Above this many domains in a pool, waits are attributed to domain groups. */
  static final int MAX_DOMAIN_SLOTS = 16;

  private final Topology topology;
  private final int firstVcpuId;
  private final VcpuStats[] vcpus;
  private final PcpuStats[] pcpus;
  /** Scheduler counters: one mutable cell per name, so counting does not box. */
  private final Map<String, long[]> counters = new HashMap<>();
  private long measureFrom = Long.MAX_VALUE;
  private long ipis;

  // pool of each pCPU; slot of each domain within its pool (0 = idle)
  private final int[] poolOfCpu;
  private final int[] slotOfDomain;
  private final List<List<String>> slotNames = new ArrayList<>();
  private final WaitAttribution attribution;

  // per pool: runnable vCPUs, idle pCPUs, and the integral of min(runnable, idle)
  private final int[] poolRunnable;
  private final int[] poolIdle;
  private final long[] poolIdleWhileRunnableNs;
  private final long[] poolLast;

  /**
   * Collects over a bare host of {@code nrPcpus} pCPUs in one pool, one core each, whose guest
   * vCPUs have ids from {@code firstVcpuId} on: without domains, "who ran while you waited" is not
   * tracked. For tests that feed events by hand.
   */
  public MetricsCollector(int nrPcpus, int firstVcpuId, int nrVcpus) {
    this.topology = new Topology(1, 1, nrPcpus, 1);
    this.firstVcpuId = firstVcpuId;
    vcpus = new VcpuStats[nrVcpus];
    for (int i = 0; i < nrVcpus; i++) {
      vcpus[i] = new VcpuStats();
    }
    pcpus = new PcpuStats[nrPcpus];
    for (int c = 0; c < nrPcpus; c++) {
      pcpus[c] = new PcpuStats();
    }
    poolOfCpu = new int[nrPcpus];
    slotOfDomain = new int[0];
    slotNames.add(List.of(IDLE));
    attribution = null;
    poolRunnable = new int[1];
    poolIdle = new int[] {nrPcpus};
    poolIdleWhileRunnableNs = new long[1];
    poolLast = new long[1];
  }

  /** Collects over the host {@code layer} has built (domains and vCPUs created). */
  public MetricsCollector(GenericLayer layer) {
    this.topology = layer.topology();
    int nrCpus = topology.nrCpus();
    List<VCpu> guests = layer.vcpus();
    this.firstVcpuId = guests.isEmpty() ? nrCpus : guests.get(0).id();
    vcpus = new VcpuStats[guests.size()];
    for (int i = 0; i < vcpus.length; i++) {
      vcpus[i] = new VcpuStats();
    }
    pcpus = new PcpuStats[nrCpus];
    poolOfCpu = new int[nrCpus];
    for (int c = 0; c < nrCpus; c++) {
      pcpus[c] = new PcpuStats();
      CpuPool p = layer.poolOf(c);
      poolOfCpu[c] = p == null ? 0 : p.id();
    }
    int nrPools = Math.max(1, layer.pools().size());
    int[] slots = new int[nrPools];
    for (int p = 0; p < nrPools; p++) {
      slots[p] = 1;
      List<String> names = new ArrayList<>();
      names.add(IDLE);
      slotNames.add(names);
    }
    List<Domain> domains = layer.domains();
    slotOfDomain = new int[domains.size()];
    int[] perPool = new int[nrPools];
    for (Domain d : domains) {
      perPool[d.poolId()]++;
    }
    for (Domain d : domains) {
      // a pool of many domains is attributed by domain group (web-0 … web-99 → web), so a wait
      // costs O(slots) with few slots
      String name = perPool[d.poolId()] > MAX_DOMAIN_SLOTS ? group(d.name()) : d.name();
      List<String> names = slotNames.get(d.poolId());
      int slot = names.indexOf(name);
      if (slot < 0) {
        slot = names.size();
        names.add(name);
        slots[d.poolId()]++;
      }
      slotOfDomain[d.id()] = slot;
    }
    long pairs = 0;
    for (VCpu v : guests) {
      pairs += slots[v.domain().poolId()];
    }
    attribution = pairs <= MAX_ATTRIBUTION_SLOTS ? new WaitAttribution(poolOfCpu, slots) : null;
    if (attribution != null) {
      for (VCpu v : guests) {
        VcpuStats s = vcpu(v);
        int n = slots[v.domain().poolId()];
        s.waitedBehindNs = new long[n];
        s.behindSnapshot = new long[n];
      }
      for (int c = 0; c < nrCpus; c++) {
        attribution.switched(c, slotOf(layer.curr(c)), 0);
      }
    }
    poolRunnable = new int[nrPools];
    poolIdle = new int[nrPools];
    poolIdleWhileRunnableNs = new long[nrPools];
    poolLast = new long[nrPools];
    for (int c = 0; c < nrCpus; c++) {
      if (layer.poolOf(c) != null && layer.curr(c).isIdle()) {
        poolIdle[poolOfCpu[c]]++;
      }
      pcpus[c].busy = !layer.curr(c).isIdle();
    }
    for (VCpu v : guests) {
      if (v.runstate() == RunState.RUNNABLE) {
        poolRunnable[v.domain().poolId()]++;
      }
    }
  }

  /** A domain's group: its name without the {@code -N} of a {@code count:} expansion. */
  static String group(String domain) {
    return domain.replaceFirst("-[0-9]+$", "");
  }

  /** The name of the idle slot in "who ran while you waited". */
  public static final String IDLE = "(idle)";

  public VcpuStats vcpu(VCpu v) {
    return vcpus[v.id() - firstVcpuId];
  }

  public PcpuStats pcpu(int cpu) {
    return pcpus[cpu];
  }

  public long ipis() {
    return ipis;
  }

  /** Scheduler-specific counters by name (sorted), summed over pCPUs. */
  public Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v[0]));
    return out;
  }

  /**
   * What the slots of {@link VcpuStats#waitedBehindNs} of a vCPU of {@code pool} stand for:
   * {@link #IDLE}, then the pool's domains in creation order (above {@value #MAX_DOMAIN_SLOTS}
   * domains in the pool, their groups: names without the {@code -N} count suffix).
   */
  public List<String> slotNames(int pool) {
    return slotNames.get(pool);
  }

  /** Whether "who ran while you waited" is tracked (it is unless the host is huge). */
  public boolean tracksWaitedBehind() {
    return attribution != null;
  }

  /** Idle pCPU-time of {@code pool} while a vCPU of the pool was runnable (ns, measured). */
  public long idleWhileRunnableNs(int pool) {
    return poolIdleWhileRunnableNs[pool];
  }

  private int slotOf(VCpu v) {
    return v.isIdle() || attribution == null ? 0 : slotOfDomain[v.domain().id()];
  }

  /** The pool index of {@code v}'s domain as this collector counts pools. */
  private int poolOf(VCpu v) {
    return attribution == null && poolRunnable.length == 1 ? 0 : v.domain().poolId();
  }

  private boolean measuring(long now) {
    return now >= measureFrom;
  }

  private long clipped(long from, long to) {
    long start = Math.max(from, measureFrom);
    return to > start ? to - start : 0;
  }

  /** Brings the pool's idle-while-runnable integral up to {@code now}. */
  private void settlePool(int pool, long now) {
    int overlap = Math.min(poolRunnable[pool], poolIdle[pool]);
    if (overlap > 0) {
      poolIdleWhileRunnableNs[pool] += overlap * clipped(poolLast[pool], now);
    }
    poolLast[pool] = now;
  }

  @Override
  public void onMeasureStart(long now) {
    measureFrom = now;
    if (attribution == null) {
      return;
    }
    for (VcpuStats s : vcpus) {
      if (s.waitGroup != null) {
        WaitAttribution.snapshot(s.waitGroup, s.behindSnapshot, now);
      }
    }
  }

  @Override
  public void onSchedule(int cpu, long now) {
    if (measuring(now)) {
      pcpus[cpu].scheduleCalls++;
    }
  }

  @Override
  public void onIdleRepoll(int cpu, long now) {
    if (measuring(now)) {
      pcpus[cpu].idleRepolls++;
    }
  }

  @Override
  public void onContextSwitch(int cpu, VCpu prev, VCpu next, long costNs, long now) {
    PcpuStats p = pcpus[cpu];
    if (measuring(now)) {
      p.contextSwitches++;
      p.overheadNs += costNs;
    }
    long spent = clipped(p.since, now);
    if (p.busy) {
      p.busyNs += spent;
    } else {
      p.idleNs += spent;
    }
    boolean busy = !next.isIdle();
    if (busy != p.busy) {
      int pool = poolOfCpu[cpu];
      settlePool(pool, now);
      poolIdle[pool] += busy ? -1 : 1;
    }
    p.busy = busy;
    p.since = now;
    if (attribution != null) {
      attribution.switched(cpu, slotOf(next), now);
    }
  }

  @Override
  public void onRunstate(VCpu v, RunState from, RunState to, long now) {
    VcpuStats s = vcpu(v);
    long spent = clipped(s.stateEntry, now);
    s.stateNs[from.ordinal()] += spent;
    s.stateEntry = now;
    if (from == RunState.RUNNABLE) {
      endWait(v, s, spent, now);
    }
    if (to == RunState.RUNNABLE) {
      startWait(v, s, from == RunState.RUNNING, now);
    }
    if (to == RunState.RUNNING && s.pendingWake >= 0) {
      s.wakeLatency.record(now - s.pendingWake);
    }
    if (to == RunState.RUNNING) {
      s.pendingWake = -1;
    }
    if (from == RunState.RUNNING && to == RunState.RUNNABLE && measuring(now)) {
      s.preemptions++;
    }
  }

  private void startWait(VCpu v, VcpuStats s, boolean afterPreempt, long now) {
    s.waitAfterPreempt = afterPreempt;
    s.pendingPreempt = afterPreempt && measuring(now) ? now : -1;
    int pool = poolOf(v);
    settlePool(pool, now);
    poolRunnable[pool]++;
    if (attribution != null) {
      if (s.group == null || !v.hardAffinity().equals(s.groupAffinity)) {
        s.groupAffinity = v.hardAffinity().clone();
        s.group = attribution.group(v.hardAffinity(), pool, now);
      }
      s.waitGroup = s.group;
      WaitAttribution.snapshot(s.waitGroup, s.behindSnapshot, now);
    }
  }

  private void endWait(VCpu v, VcpuStats s, long spent, long now) {
    if (s.waitAfterPreempt) {
      s.preemptWaitNs += spent;
      if (s.pendingPreempt >= 0) {
        s.preemptWait.record(now - s.pendingPreempt);
      }
    } else {
      s.wakeWaitNs += spent;
    }
    s.pendingPreempt = -1;
    int pool = poolOf(v);
    settlePool(pool, now);
    poolRunnable[pool]--;
    if (s.waitGroup != null) {
      if (measuring(now)) {
        WaitAttribution.accumulate(s.waitGroup, s.behindSnapshot, s.waitedBehindNs, now);
      }
      s.waitGroup = null;
    }
  }

  @Override
  public void onWake(VCpu v, long now) {
    VcpuStats s = vcpu(v);
    if (v.runstate() == RunState.RUNNING) {
      if (measuring(now)) {
        s.wakeLatency.record(0);
      }
    } else {
      s.pendingWake = measuring(now) ? now : -1;
    }
  }

  @Override
  public void onMigrate(VCpu v, int from, int to, long now) {
    if (measuring(now)) {
      VcpuStats s = vcpu(v);
      s.migrations++;
      s.migrationsByDistance[topology.distance(from, to).ordinal()]++;
    }
  }

  @Override
  public void onWork(VCpu v, long workNs, long now) {
    if (measuring(now)) {
      vcpu(v).workNs += workNs;
    }
  }

  @Override
  public void onIpi(int fromCpu, int toCpu, long now) {
    if (measuring(now)) {
      ipis++;
      pcpus[toCpu].ipisReceived++;
    }
  }

  @Override
  public void onCounter(String counter, int cpu, long now) {
    if (measuring(now)) {
      long[] cell = counters.get(counter);
      if (cell == null) {
        cell = new long[1];
        counters.put(counter, cell);
      }
      cell[0]++;
    }
  }

  @Override
  public void onJobDone(VCpu v, long responseNs, boolean missed, long now) {
    if (measuring(now)) {
      VcpuStats s = vcpu(v);
      s.jobs++;
      if (s.jobResponse == null) {
        s.jobResponse = new Latency();
      }
      s.jobResponse.record(Math.max(0, responseNs));
    }
  }

  @Override
  public void onRequestDone(VCpu v, long responseNs, long now) {
    if (measuring(now)) {
      VcpuStats s = vcpu(v);
      s.requests++;
      if (s.requestResponse == null) {
        s.requestResponse = new Latency();
      }
      s.requestResponse.record(Math.max(0, responseNs));
    }
  }

  @Override
  public void onDeadlineMiss(VCpu v, long deadline, long now) {
    if (measuring(now)) {
      vcpu(v).deadlineMisses++;
    }
  }

  /** Closes every open pCPU and pool interval at the end of the run. */
  @Override
  public void onEnd(long now) {
    for (PcpuStats p : pcpus) {
      long spent = clipped(p.since, now);
      if (p.busy) {
        p.busyNs += spent;
      } else {
        p.idleNs += spent;
      }
      p.since = now;
    }
    for (int pool = 0; pool < poolLast.length; pool++) {
      settlePool(pool, now);
    }
  }

  /** Closes {@code v}'s current runstate interval (and wait) at the end of the run. */
  public void closeVcpu(VCpu v, long now) {
    VcpuStats s = vcpu(v);
    long spent = clipped(s.stateEntry, now);
    s.stateNs[v.runstate().ordinal()] += spent;
    s.stateEntry = now;
    if (v.runstate() == RunState.RUNNABLE) {
      if (s.waitAfterPreempt) {
        s.preemptWaitNs += spent;
      } else {
        s.wakeWaitNs += spent;
      }
      if (s.waitGroup != null) {
        WaitAttribution.accumulate(s.waitGroup, s.behindSnapshot, s.waitedBehindNs, now);
        WaitAttribution.snapshot(s.waitGroup, s.behindSnapshot, now);
      }
    }
  }
}
