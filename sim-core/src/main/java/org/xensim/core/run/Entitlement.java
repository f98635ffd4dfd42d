package org.xensim.core.run;

import java.util.List;
import org.xensim.core.domain.Domain;
import org.xensim.core.schedule.CpuPool;

/**
 * The CPU share each domain is entitled to in its pool, in pCPUs: weight-proportional water
 * filling over the pool's pCPUs, each domain bounded by its vCPU count and its cap; a domain with
 * RTDS {@code budget}/{@code period} is entitled to its reservation. Assumes every vCPU could use
 * a whole pCPU (it does not know the workload's demand).
 */
final class Entitlement {
  private Entitlement() {}

  static double[] of(List<Domain> domains, List<CpuPool> pools) {
    double[] out = new double[domains.size()];
    for (CpuPool pool : pools) {
      double capacity = pool.poolCpus().cardinality();
      int n = domains.size();
      double[] limit = new double[n];
      double[] weight = new double[n];
      boolean[] open = new boolean[n];
      for (int i = 0; i < n; i++) {
        Domain d = domains.get(i);
        if (d.poolId() != pool.id()) {
          continue;
        }
        double vcpus = d.vcpus().size();
        if (d.params().has("budget") && d.params().has("period")) {
          double util = 0;
          for (var v : d.vcpus()) {
            util += (double) v.params().getLong("budget") / v.params().getLong("period");
          }
          out[i] = Math.min(util, vcpus);
          capacity -= out[i];
          continue;
        }
        limit[i] = vcpus;
        if (d.params().has("cap") && d.params().getLong("cap") > 0) {
          limit[i] = Math.min(limit[i], d.params().getLong("cap") / 100.0);
        }
        weight[i] = d.params().has("weight") ? d.params().getLong("weight") : 1;
        open[i] = true;
      }
      fill(out, limit, weight, open, Math.max(0, capacity));
    }
    return out;
  }

  /** Water filling: share capacity by weight; a domain at its limit leaves the rest to others. */
  private static void fill(double[] out, double[] limit, double[] weight, boolean[] open,
      double capacity) {
    while (capacity > 1e-12) {
      double totalWeight = 0;
      for (int i = 0; i < out.length; i++) {
        if (open[i]) {
          totalWeight += weight[i];
        }
      }
      if (totalWeight == 0) {
        return;
      }
      boolean clipped = false;
      for (int i = 0; i < out.length; i++) {
        if (open[i] && out[i] + capacity * weight[i] / totalWeight >= limit[i]) {
          capacity -= limit[i] - out[i];
          out[i] = limit[i];
          open[i] = false;
          clipped = true;
        }
      }
      if (!clipped) {
        for (int i = 0; i < out.length; i++) {
          if (open[i]) {
            out[i] += capacity * weight[i] / totalWeight;
          }
        }
        return;
      }
    }
  }
}
