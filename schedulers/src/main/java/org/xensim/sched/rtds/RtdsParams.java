package org.xensim.sched.rtds;

import java.util.List;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.time.Time;

// models rt_dom_cntl() of sched_rt.c: per-vCPU period and budget
/**
 * RTDS's parameters as Xen names them: per-vCPU {@code period} and {@code budget} (the
 * {@code xl sched-rtds} interface, in microseconds) and xensim's {@code rtds46_idle_repoll}.
 *
 * <p>Departure: the per-vCPU interface's limits (RTDS_MIN_*, budget at most period, whole us)
 * are applied to domain-wide values and to 4.6 scenarios too; see docs/departures-rtds.md.
 */
public final class RtdsParams {
  /** Per-vCPU period, us (domctl {@code u.rtds.period}). */
  public static final ParamSpec PERIOD = ParamSpec.duration("period", ParamSpec.Scope.VCPU,
      Time.NS_PER_US, RtdsConstants.RTDS_DEFAULT_PERIOD / Time.NS_PER_US,
      RtdsConstants.RTDS_MIN_PERIOD / Time.NS_PER_US, RtdsConstants.DOMCTL_MAX_US, false,
      "RTDS server period of each vCPU (RTDS_MIN_PERIOD 10us; uint32 us in the domctl)");

  /** Per-vCPU budget, us (domctl {@code u.rtds.budget}); must not exceed the period. */
  public static final ParamSpec BUDGET = ParamSpec.duration("budget", ParamSpec.Scope.VCPU,
      Time.NS_PER_US, RtdsConstants.RTDS_DEFAULT_BUDGET / Time.NS_PER_US,
      RtdsConstants.RTDS_MIN_BUDGET / Time.NS_PER_US, RtdsConstants.DOMCTL_MAX_US, false,
      "RTDS budget per period of each vCPU, at most its period (RTDS_MIN_BUDGET 10us)");

  /** Default idle re-poll interval of the 4.6 model: 1 us (spec §10.1, zero costs). */
  public static final long DEFAULT_IDLE_REPOLL_NS = Time.us(1);

  /**
   * Not a Xen option: how often an idle pCPU re-enters the 4.6 scheduler, standing for Xen
   * 4.6's zero idle slice (spec §10.1). Ignored by 4.7.
   */
  public static final ParamSpec IDLE_REPOLL = ParamSpec.duration("rtds46_idle_repoll",
      ParamSpec.Scope.POOL, 1, DEFAULT_IDLE_REPOLL_NS, 1, Time.NS_PER_S, false,
      "xen.version 4.6 only: interval of the idle pCPU's back-to-back scheduler passes"
          + " (Xen's zero idle slice), counted as idle_repolls");

  public static final List<ParamSpec> ALL = List.of(PERIOD, BUDGET, IDLE_REPOLL);

  private RtdsParams() {}

  /** {@code period} in ns from per-vCPU or per-domain values; Xen's default if absent. */
  public static long periodNs(SchedParams p) {
    return p.has(PERIOD.name()) ? p.getLong(PERIOD.name()) * PERIOD.unitNs()
        : RtdsConstants.RTDS_DEFAULT_PERIOD;
  }

  /** {@code budget} in ns from per-vCPU or per-domain values; Xen's default if absent. */
  public static long budgetNs(SchedParams p) {
    return p.has(BUDGET.name()) ? p.getLong(BUDGET.name()) * BUDGET.unitNs()
        : RtdsConstants.RTDS_DEFAULT_BUDGET;
  }

  /** The 4.6 idle re-poll interval in ns from the pool's options. */
  public static long idleRepollNs(SchedParams p) {
    return p.has(IDLE_REPOLL.name()) ? p.getLong(IDLE_REPOLL.name()) * IDLE_REPOLL.unitNs()
        : DEFAULT_IDLE_REPOLL_NS;
  }
}
