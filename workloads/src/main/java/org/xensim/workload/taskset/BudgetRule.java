package org.xensim.workload.taskset;

import java.util.Arrays;
import java.util.List;

/**
 * How an RTDS vCPU's (period, budget) is sized for the one periodic task it runs.
 *
 * <ul>
 *   <li>{@code wcet}: period = the task's, budget = its WCET. Enough when job releases and the
 *       server's periods are in phase, as they are in xensim (both start at t = 0, spec §9.11)
 *       and as long as the vCPU gets its budget in each period.
 *   <li>{@code inflate}: period = the task's, budget = WCET times a factor (at most the period):
 *       slack against overheads and contention.
 *   <li>{@code prm}: the periodic resource model (I. Shin and I. Lee, "Periodic resource model
 *       for compositional real-time guarantees", RTSS 2003), phase-independent: server period =
 *       task period / divisor, and the smallest budget whose worst-case supply bound function
 *       {@code sbf(period)} covers the WCET.
 * </ul>
 */
public enum BudgetRule {
  WCET("wcet"),
  INFLATE("inflate"),
  PRM("prm");

  private final String label;

  BudgetRule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** RTDS takes whole microseconds ({@code xl sched-rtds}), at least 10 us (RTDS_MIN_*). */
  static final long XL_UNIT_NS = 1_000;
  static final long MIN_NS = 10_000;

  /**
   * The server (period, budget) in ns for {@code task}; {@code factor} is the inflation factor
   * ({@code inflate}) or the period divisor ({@code prm}). The period is rounded down and the
   * budget up to whole microseconds (both on the safe side), with RTDS's 10 us minimum and the
   * budget at most the period.
   */
  public long[] size(Task task, double factor) {
    long t = task.periodNs();
    long c = task.wcetNs();
    long period = this == PRM ? Math.round(t / factor) : t;
    period = Math.max(MIN_NS, period / XL_UNIT_NS * XL_UNIT_NS);
    long budget = switch (this) {
      case WCET -> c;
      case INFLATE -> (long) Math.ceil(c * factor);
      case PRM -> prmBudget(period, t, c);
    };
    budget = (budget + XL_UNIT_NS - 1) / XL_UNIT_NS * XL_UNIT_NS;
    return new long[] {period, Math.min(period, Math.max(MIN_NS, budget))};
  }

  /** The least budget of a periodic resource (pi, budget) with {@code sbf(deadline) >= wcet}. */
  static long prmBudget(long pi, long deadline, long wcet) {
    long lo = 1;
    long hi = pi;
    if (sbf(pi, hi, deadline) < wcet) {
      return pi; // not even the whole pCPU in each period is enough; the task cannot be served
    }
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (sbf(pi, mid, deadline) >= wcet) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Worst-case supply of a periodic resource (pi, theta) in any interval of length {@code t}
   * (Shin and Lee 2003, eq. (1)): after a blackout of {@code 2 (pi - theta)}, theta per period.
   */
  static long sbf(long pi, long theta, long t) {
    long gap = pi - theta;
    if (t < gap) {
      return 0;
    }
    long k = (t - gap) / pi;
    return k * theta + Math.max(0, t - 2 * gap - k * pi);
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(BudgetRule::label).toList();
  }

  public static BudgetRule named(String label) {
    for (BudgetRule r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    return null;
  }
}
