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

  /**
   * The server (period, budget) in ns for {@code task}; {@code factor} is the inflation factor
   * ({@code inflate}) or the period divisor ({@code prm}).
   */
  public long[] size(Task task, double factor) {
    long t = task.periodNs();
    long c = task.wcetNs();
    switch (this) {
      case WCET:
        return new long[] {t, c};
      case INFLATE:
        return new long[] {t, Math.min(t, (long) Math.ceil(c * factor))};
      default:
        long pi = Math.max(1, Math.round(t / factor));
        return new long[] {pi, prmBudget(pi, t, c)};
    }
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
