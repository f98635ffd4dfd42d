package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_BALANCE_SOFT_AFFINITY;

import org.xensim.core.host.CpuMask;
import org.xensim.core.domain.VCpu;

// models __vcpu_has_soft_affinity()
/**
 * Credit's two-step soft/hard affinity logic ("balance steps", spec §3.14): models
 * {@code __vcpu_has_soft_affinity()} and {@code csched_balance_cpumask()}.
 */
final class BalanceStep {
  private BalanceStep() {}

  /**
   * Models {@code __vcpu_has_soft_affinity()}: the soft mask matters only if it does not cover
   * the pool, does not cover the hard mask, and meets {@code mask}.
   */
  static boolean hasSoftAffinity(VCpu v, CpuMask poolCpus, CpuMask mask) {
    CpuMask soft = v.softAffinity();
    return !poolCpus.isSubsetOf(soft) && !v.hardAffinity().isSubsetOf(soft)
        && soft.intersects(mask);
  }

  /**
   * Models {@code csched_balance_cpumask()}: soft ∩ hard for the soft step (hard if that is
   * empty), hard for the hard step; written into {@code out}.
   */
  static void cpumask(VCpu v, int step, CpuMask out) {
    out.copyFrom(v.hardAffinity());
    if (step == CSCHED_BALANCE_SOFT_AFFINITY) {
      out.and(v.softAffinity());
      if (out.isEmpty()) {
        out.or(v.hardAffinity());
      }
    }
  }

}
