package org.xensim.sched.credit2;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xensim.core.cost.CostModel;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.Listeners;
import org.xensim.core.observe.SimListener;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.workload.Workload;

/**
 * Test harness: a Credit2 pool on a small host driven through sim-core's generic layer, without
 * the scenario runner. Domains have one vCPU each (or {@code vcpus}), placed as a scenario's
 * {@code initial_cpu} places them (vCPU i &gt; 0 on the next allowed pCPU, cyclically).
 */
final class Credit2Sim {
  private final Topology topo;
  private final Map<String, Object> boot = new HashMap<>();
  private final List<Object[]> domains = new ArrayList<>();
  private CostModel costs = CostModel.ZERO;
  private long seed = 1;

  private Simulation sim;
  private GenericLayer layer;
  private CpuPool pool;
  final Timeline timeline = new Timeline();
  final Map<String, VCpu> vcpus = new HashMap<>();

  Credit2Sim(int nodes, int socketsPerNode, int coresPerSocket, int threadsPerCore) {
    topo = new Topology(nodes, socketsPerNode, coresPerSocket, threadsPerCore);
  }

  /** A host of {@code n} single-thread cores in one socket. */
  static Credit2Sim cpus(int n) {
    return new Credit2Sim(1, 1, n, 1);
  }

  int nrCpus() {
    return topo.nrCpus();
  }

  Credit2Sim boot(String key, Object value) {
    boot.put(key, value);
    return this;
  }

  Credit2Sim costs(CostModel c) {
    this.costs = c;
    return this;
  }

  Credit2Sim seed(long s) {
    this.seed = s;
    return this;
  }

  /** A one-vCPU domain. {@code cpus} in xl syntax or null for all. */
  Credit2Sim domain(String name, int weight, int initialCpu, String cpus, Workload w) {
    domains.add(new Object[] {name, weight, initialCpu, cpus, new Workload[] {w}});
    return this;
  }

  /** A domain with one workload per vCPU. */
  Credit2Sim domain(String name, int weight, int initialCpu, String cpus, Workload... ws) {
    domains.add(new Object[] {name, weight, initialCpu, cpus, ws});
    return this;
  }

  /** Builds the pool and domains at t = 0 (before any event). */
  Credit2Sim build() {
    sim = new Simulation(seed, 0);
    Listeners listeners = new Listeners();
    listeners.add(timeline);
    layer = new GenericLayer(sim, topo, costs, listeners);
    SchedParams params = new SchedParams(boot);
    pool = layer.addPool("Pool-0", topo.allCpus().clone(), new Credit2Provider(),
        params, "4.7");
    for (Object[] d : domains) {
      String name = (String) d[0];
      Map<String, Object> dp = new HashMap<>();
      dp.put("weight", (long) (int) (Integer) d[1]);
      Domain dom = layer.createDomain(name, pool, new SchedParams(dp));
      CpuMask hard = d[3] == null ? topo.allCpus().clone()
          : CpuMasks.parse((String) d[3], topo);
      Workload[] ws = (Workload[]) d[4];
      int cpu = (Integer) d[2];
      for (int i = 0; i < ws.length; i++) {
        if (i > 0) {
          cpu = CpuMasks.cycle(cpu, hard);
        }
        VCpu v = layer.createVcpu(dom, cpu, hard.clone(), topo.allCpus().clone(),
            SchedParams.EMPTY, ws[i]);
        vcpus.put(i == 0 ? name : name + "." + i, v);
      }
    }
    layer.startWorkloads();
    return this;
  }

  /** Runs (building first if needed) every event strictly before {@code untilNs}. */
  Credit2Sim runUntil(long untilNs) {
    if (sim == null) {
      build();
    }
    sim.runUntil(untilNs);
    timeline.end(untilNs);
    return this;
  }

  Credit2Scheduler scheduler() {
    return (Credit2Scheduler) pool.scheduler();
  }

  GenericLayer layer() {
    return layer;
  }

  Simulation sim() {
    return sim;
  }

  /** The scheduler's per-vCPU state of vCPU {@code name}. */
  Credit2Vcpu svc(String name) {
    return Credit2Private.svc(vcpus.get(name));
  }

  /** Records runs per pCPU and scheduler calls, as check-timeline reads them from trace.csv. */
  static final class Timeline implements SimListener {
    final Map<Integer, List<Object[]>> runs = new HashMap<>();
    private final Map<Integer, Object[]> open = new HashMap<>();
    int scheduleCalls;
    final List<long[]> schedules = new ArrayList<>();
    private long end = Long.MAX_VALUE;

    @Override
    public void onSchedule(int cpu, long now) {
      scheduleCalls++;
      schedules.add(new long[] {cpu, now});
    }

    @Override
    public void onRun(int cpu, VCpu v, long sliceNs, long now) {
      String who = v.domain().name() + (v.vcpuId() == 0 ? "" : "." + v.vcpuId());
      switchTo(cpu, who, now);
    }

    @Override
    public void onIdle(int cpu, long now) {
      switchTo(cpu, "-", now);
    }

    private void switchTo(int cpu, String who, long now) {
      Object[] cur = open.get(cpu);
      if (cur != null && cur[0].equals(who)) {
        return;
      }
      close(cpu, now);
      open.put(cpu, new Object[] {who, now});
    }

    private void close(int cpu, long now) {
      Object[] cur = open.remove(cpu);
      if (cur != null && !cur[0].equals("-") && now > (Long) cur[1]) {
        runs.computeIfAbsent(cpu, k -> new ArrayList<>()).add(
            new Object[] {cur[0], cur[1], Math.min(now, end)});
      }
    }

    void end(long t) {
      end = t;
      for (Integer cpu : new ArrayList<>(open.keySet())) {
        close(cpu, t);
      }
    }

    /** Schedule calls strictly before {@code t}. */
    int scheduleCallsBefore(long t) {
      int n = 0;
      for (long[] s : schedules) {
        if (s[1] < t) {
          n++;
        }
      }
      return n;
    }

    /** The runs of {@code cpu} as text {@code A[0,0.5) B[0.5,2.5) ...} (ms). */
    String runsOf(int cpu) {
      StringBuilder sb = new StringBuilder();
      for (Object[] r : runs.getOrDefault(cpu, List.of())) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(r[0]).append('[').append(ms((Long) r[1])).append(',').append(ms((Long) r[2]))
            .append(')');
      }
      return sb.toString();
    }

    private static String ms(long ns) {
      return new java.math.BigDecimal(ns).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
  }
}
