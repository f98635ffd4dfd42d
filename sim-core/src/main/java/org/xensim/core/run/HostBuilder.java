package org.xensim.core.run;

import org.xensim.core.host.CpuMask;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;
import org.xensim.core.workload.Workload;

/**
 * Builds the simulated host from a scenario at t = 0: pools (with their schedulers' timers), then
 * domains one at a time in listed order, placed as Xen 4.7 places them (spec §2.12).
 */
final class HostBuilder {
  private HostBuilder() {}

  static void build(Scenario s, GenericLayer layer) {
    for (Scenario.Pool p : s.pools()) {
      layer.addPool(p.name(), p.cpus(), p.provider(), new SchedParams(p.params()),
          s.xenVersion());
    }
    Topology topo = s.topology();
    int[] cnt = new int[topo.nrCpus()];
    for (Scenario.DomainSpec ds : s.domains()) {
      CpuPool pool = layer.pools().get(ds.pool());
      List<ParamSpec> specs = pool.provider().parameters();
      Domain d = layer.createDomain(ds.name(), pool,
          SchedParams.withDefaults(specs, ParamSpec.Scope.DOMAIN, ds.params()));
      Workload[] workloads = ds.workload() == null ? new Workload[ds.vcpus()]
          : ds.workload().createForDomain(ds.name(), ds.vcpus());
      CpuMask poolCpus = pool.poolCpus();
      CpuMask allowed = ds.hard().clone();
      allowed.and(poolCpus);
      boolean exact = ds.initialCpu() >= 0;
      int cpu = -1;
      for (int i = 0; i < ds.vcpus(); i++) {
        if (i == 0) {
          cpu = exact ? ds.initialCpu() : defaultVcpu0Location(topo, poolCpus, cnt);
        } else {
          cpu = CpuMasks.cycle(cpu, exact ? allowed : poolCpus);
        }
        CpuMask hard = exact ? ds.hard().clone() : topo.allCpus().clone();
        CpuMask soft = exact ? ds.soft().clone() : topo.allCpus().clone();
        Map<String, Object> vp = new TreeMap<>(ds.params());
        vp.putAll(ds.vcpuParams().get(i));
        layer.createVcpu(d, cpu, hard, soft,
            SchedParams.withDefaults(specs, ParamSpec.Scope.VCPU, vp), workloads[i]);
        cnt[cpu]++;
      }
      if (!exact) {
        applyAffinity(layer, d, ds, allowed, cnt);
      }
    }
  }

  /**
   * Affinity as xl applies it after creation, vCPU by vCPU through {@code vcpu_set_affinity()}
   * (hard, then soft), so the scheduler's pick_cpu re-places each vCPU (spec §2.12).
   */
  private static void applyAffinity(GenericLayer layer, Domain d, Scenario.DomainSpec ds,
      CpuMask allowed, int[] cnt) {
    for (VCpu v : d.vcpus()) {
      boolean outside = !allowed.get(v.processor());
      if (!ds.hardGiven() && !ds.softGiven() && !outside) {
        continue;
      }
      cnt[v.processor()]--;
      if (ds.hardGiven() || outside) {
        layer.setAffinity(v, ds.hard(), true);
      }
      if (ds.softGiven()) {
        layer.setAffinity(v, ds.soft(), false);
      }
      cnt[v.processor()]++;
    }
  }

  /**
   * Models {@code default_vcpu0_location()} (domctl.c): the least-populated pCPU, preferring
   * non-primary hyperthreads, ties to the highest number; the start (a thread of pCPU 0's core)
   * is not checked against the pool, as in 4.7.
   */
  static int defaultVcpu0Location(Topology topo, CpuMask online, int[] cnt) {
    CpuMask exclude = (CpuMask) topo.siblingMask(0).clone();
    int cpu = exclude.nextSetBit(0);
    int second = exclude.nextSetBit(cpu + 1);
    if (second >= 0) {
      cpu = second;
    }
    for (int i = online.nextSetBit(0); i >= 0; i = online.nextSetBit(i + 1)) {
      if (exclude.get(i)) {
        continue;
      }
      CpuMask sib = topo.siblingMask(i);
      if (i == sib.nextSetBit(0) && sib.nextSetBit(i + 1) >= 0) {
        continue;
      }
      exclude.or(sib);
      if (cnt[i] <= cnt[cpu]) {
        cpu = i;
      }
    }
    return cpu;
  }
}
