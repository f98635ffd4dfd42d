package org.xensim.sched.rtds;

import org.xensim.core.testsched.TestWorkloads;
import org.xensim.core.host.CpuMask;
import java.util.HashMap;
import java.util.Map;
import org.xensim.core.cost.CostModel;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.Listeners;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.time.Durations;
import org.xensim.core.workload.Workload;

/**
 * Builds a one-pool RTDS host on the generic layer directly, with zero costs: domains are
 * created in call order at t = 0, vCPU 0 on the given pCPU and vCPU i on the next allowed one.
 */
final class RtdsSim {
  final Simulation sim = new Simulation(1, 0);
  final Topology topology;
  final Listeners listeners = new Listeners();
  final TimelineRecorder timeline = new TimelineRecorder();
  final GenericLayer layer;
  final CpuPool pool;

  RtdsSim(int cpus, String version) {
    this(cpus, version, Map.of());
  }

  RtdsSim(int cpus, String version, Map<String, Object> poolParams) {
    this(cpus, version, poolParams, true);
  }

  /** With {@code record} false nothing listens (for allocation measurements). */
  RtdsSim(int cpus, String version, Map<String, Object> poolParams, boolean record) {
    this(new Topology(1, 1, cpus, 1), CostModel.ZERO, version, poolParams, record);
  }

  RtdsSim(Topology topology, CostModel costs, String version, Map<String, Object> poolParams,
      boolean record) {
    this.topology = topology;
    if (record) {
      listeners.add(timeline);
    }
    layer = new GenericLayer(sim, topology, costs, listeners);
    pool = layer.addPool("Pool-0", topology.allCpus().clone(), new RtdsProvider(),
        new SchedParams(poolParams), version);
  }

  /** Adds a domain of {@code vcpus} vCPUs with period/budget given as durations. */
  RtdsSim domain(String name, int vcpus, String period, String budget, int initialCpu,
      String cpus, Workload... workloads) {
    Map<String, Object> p = new HashMap<>();
    p.put("period", Durations.parse(period) / 1000);
    p.put("budget", Durations.parse(budget) / 1000);
    SchedParams params = new SchedParams(p);
    Domain d = layer.createDomain(name, pool, params);
    CpuMask hard = cpus == null ? topology.allCpus().clone()
        : CpuMasks.parse(cpus, topology);
    int cpu = initialCpu;
    for (int i = 0; i < vcpus; i++) {
      if (i > 0) {
        cpu = CpuMasks.cycle(cpu, hard);
      }
      Workload w = workloads.length == 1 ? workloads[0] : workloads[i];
      layer.createVcpu(d, cpu, hard.clone(), topology.allCpus().clone(),
          params, w);
    }
    return this;
  }

  RtdsSim hogs(String name, int vcpus, String period, String budget, int initialCpu,
      String cpus) {
    Workload[] w = new Workload[vcpus];
    for (int i = 0; i < vcpus; i++) {
      w[i] = TestWorkloads.hog(0);
    }
    return domain(name, vcpus, period, budget, initialCpu, cpus, w);
  }

  RtdsSim run(long untilNs) {
    layer.startWorkloads();
    sim.runUntil(untilNs);
    layer.settleAll();
    return this;
  }

  RtSchedulerBase scheduler() {
    return (RtSchedulerBase) pool.scheduler();
  }

  VCpu vcpu(String domain, int index) {
    for (VCpu v : layer.vcpus()) {
      if (v.domain().name().equals(domain) && v.vcpuId() == index) {
        return v;
      }
    }
    throw new IllegalArgumentException(domain + "." + index);
  }
}
