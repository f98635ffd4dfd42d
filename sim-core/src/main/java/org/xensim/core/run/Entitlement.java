package org.xensim.core.run;

import java.util.Arrays;
import java.util.List;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMask;
import org.xensim.core.schedule.CpuPool;

/**
 * The CPU share each vCPU is entitled to, in pCPUs, given the demand it showed: what an ideal
 * weighted-fair scheduler would give it.
 *
 * <ul>
 *   <li><b>Weight-proportional</b>, per vCPU: every vCPU of a domain carries the domain's
 *       {@code weight}, as in Xen's credit ({@code csched_acct()} shares credit by weight times
 *       active vCPUs) and credit2 (a weight per vCPU).
 *   <li><b>Cap-bounded</b>: a domain's vCPUs together get at most {@code cap}% of one pCPU, and no
 *       more pCPUs than its hard affinity has in the pool.
 *   <li><b>Work-conserving</b>: a vCPU never gets more than its demand — the fraction of the
 *       measured time it was running, runnable or parked by its scheduler (offline) — and what it
 *       leaves goes to the others (water filling over the pool's pCPUs). So a vCPU below its fair share is entitled to all it asked
 *       for, and a hog to the rest.
 * </ul>
 *
 * A domain with RTDS {@code budget}/{@code period} is entitled to its reservation, at most its
 * demand. Affinity beyond the per-domain bound is not modelled.
 */
public final class Entitlement {
  private static final double EPS = 1e-12;

  private Entitlement() {}

  /**
   * @param vcpus the guest vCPUs, in creation order
   * @param demand each vCPU's demand in pCPUs (0..1), same order
   * @return each vCPU's entitlement in pCPUs, same order
   */
  public static double[] of(List<Domain> domains, List<CpuPool> pools, List<VCpu> vcpus,
      double[] demand) {
    int n = vcpus.size();
    double[] out = new double[n];
    double[] limit = new double[n];
    double[] weight = new double[n];
    int[] dom = new int[n];
    double[] domCap = new double[domains.size()];
    for (CpuPool pool : pools) {
      double capacity = pool.poolCpus().cardinality();
      boolean[] open = new boolean[n];
      Arrays.fill(domCap, Double.POSITIVE_INFINITY);
      for (int i = 0; i < n; i++) {
        VCpu v = vcpus.get(i);
        Domain d = v.domain();
        if (d.poolId() != pool.id()) {
          continue;
        }
        dom[i] = d.id();
        double want = Math.max(0, Math.min(1, demand[i]));
        if (v.params().has("budget") && v.params().has("period")) {
          double reserved = (double) v.params().getLong("budget") / v.params().getLong("period");
          out[i] = Math.min(want, reserved);
          capacity -= out[i];
          continue;
        }
        limit[i] = want;
        weight[i] = d.params().has("weight") ? Math.max(1, d.params().getLong("weight")) : 1;
        open[i] = limit[i] > EPS;
        double cap = d.params().has("cap") && d.params().getLong("cap") > 0
            ? d.params().getLong("cap") / 100.0 : Double.POSITIVE_INFINITY;
        CpuMask hard = v.hardAffinity().clone();
        hard.and(pool.poolCpus());
        domCap[d.id()] = Math.min(domCap[d.id()], Math.min(cap, hard.cardinality()));
      }
      fill(out, limit, weight, open, dom, domCap, Math.max(0, capacity));
    }
    return out;
  }

  /**
   * Progressive filling: every open vCPU grows at a rate proportional to its weight until it
   * reaches its limit, its domain reaches its cap, or the capacity runs out.
   */
  static void fill(double[] out, double[] limit, double[] weight, boolean[] open, int[] dom,
      double[] domCap, double capacity) {
    double[] domSum = new double[domCap.length];
    double[] domOpenWeight = new double[domCap.length];
    for (int i = 0; i < out.length; i++) {
      if (open[i]) {
        domSum[dom[i]] += out[i];
      }
    }
    for (int d = 0; d < domCap.length; d++) {
      if (domSum[d] >= domCap[d] - EPS) {
        closeDomain(d, open, dom);
      }
    }
    // each round closes at least one vCPU or domain, or uses up the capacity
    for (int round = 0; capacity > EPS && round <= out.length + domCap.length; round++) {
      double totalWeight = 0;
      Arrays.fill(domOpenWeight, 0);
      for (int i = 0; i < out.length; i++) {
        if (open[i]) {
          totalWeight += weight[i];
          domOpenWeight[dom[i]] += weight[i];
        }
      }
      if (totalWeight == 0) {
        return;
      }
      // the level step (share per unit of weight) to the next vCPU or domain reaching its bound
      double step = capacity / totalWeight;
      for (int i = 0; i < out.length; i++) {
        if (open[i]) {
          step = Math.min(step, (limit[i] - out[i]) / weight[i]);
        }
      }
      for (int d = 0; d < domCap.length; d++) {
        if (domOpenWeight[d] > 0 && domCap[d] != Double.POSITIVE_INFINITY) {
          step = Math.min(step, (domCap[d] - domSum[d]) / domOpenWeight[d]);
        }
      }
      step = Math.max(0, step);
      for (int i = 0; i < out.length; i++) {
        if (open[i]) {
          double add = step * weight[i];
          out[i] += add;
          domSum[dom[i]] += add;
          capacity -= add;
        }
      }
      for (int i = 0; i < out.length; i++) {
        if (open[i] && out[i] >= limit[i] - EPS) {
          out[i] = limit[i];
          open[i] = false;
        }
      }
      for (int d = 0; d < domCap.length; d++) {
        if (domOpenWeight[d] > 0 && domSum[d] >= domCap[d] - EPS) {
          closeDomain(d, open, dom);
        }
      }
    }
  }

  private static void closeDomain(int d, boolean[] open, int[] dom) {
    for (int i = 0; i < open.length; i++) {
      if (dom[i] == d) {
        open[i] = false;
      }
    }
  }
}
