package org.xensim.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xensim.core.cost.CostModel;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.host.CpuMask;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.Listeners;
import org.xensim.core.observe.SimListener;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;
import org.xensim.core.testsched.FifoProvider;
import org.xensim.core.workload.Workload;

/**
 * A host built by hand for tests that need to hold the workload objects: {@code pcpus} pCPUs in
 * one pool under the test FIFO scheduler (1 ms slices), zero costs.
 */
final class TestHost {
  final Simulation sim;
  final GenericLayer layer;
  final Listeners listeners = new Listeners();
  private final CpuPool pool;
  private int nextCpu;
  private boolean started;

  TestHost(int pcpus, long seed) {
    sim = new Simulation(seed, 0);
    Topology topo = new Topology(1, 1, pcpus, 1);
    layer = new GenericLayer(sim, topo, CostModel.ZERO, listeners);
    pool = layer.addPool("Pool-0", topo.allCpus().clone(), new FifoProvider(),
        new SchedParams(Map.of("fifo_slice_us", 1000L)), "4.7");
  }

  TestHost listen(SimListener l) {
    listeners.add(l);
    return this;
  }

  /** A domain whose vCPU i runs {@code workloads[i]}, placed round-robin on the pCPUs. */
  List<VCpu> domain(String name, Workload... workloads) {
    Domain d = layer.createDomain(name, pool, SchedParams.EMPTY);
    CpuMask all = layer.topology().allCpus();
    List<VCpu> out = new ArrayList<>();
    for (Workload w : workloads) {
      int cpu = nextCpu++ % layer.topology().nrCpus();
      out.add(layer.createVcpu(d, cpu, all.clone(), all.clone(),
          SchedParams.EMPTY, w));
    }
    return out;
  }

  /** Runs until {@code endNs} (starting the workloads the first time). */
  void runUntil(long endNs) {
    if (!started) {
      started = true;
      layer.startWorkloads();
    }
    sim.runUntil(endNs);
    layer.settleAll();
  }
}
