package org.xensim.workload.taskset;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * UUniFast (E. Bini and G. C. Buttazzo, "Measuring the performance of schedulability tests",
 * Real-Time Systems 30(1-2), 2005): {@code n} task utilisations uniformly distributed over the
 * simplex of those summing to {@code u}. For a multiprocessor total ({@code u > 1}) or a cap per
 * task, UUniFast-Discard (R. I. Davis and A. Burns, RTSS 2009) redraws any set with a task above
 * the cap; it becomes hopeless as {@code u} nears {@code n * cap}, where RandFixedSum is the tool.
 */
public final class UUniFast {
  private UUniFast() {}

  /** One draw of {@code n} utilisations summing to {@code u} (any of them may exceed 1). */
  public static double[] generate(int n, double u, UniformRandomProvider rng) {
    double[] out = new double[n];
    double sum = u;
    for (int i = 1; i < n; i++) {
      double next = sum * Math.pow(rng.nextDouble(), 1.0 / (n - i));
      out[i - 1] = sum - next;
      sum = next;
    }
    out[n - 1] = sum;
    return out;
  }

  /**
   * UUniFast-Discard: draws until no utilisation exceeds {@code cap}.
   *
   * @return the set, or null if {@code maxTries} draws all had a task above the cap
   */
  public static double[] discard(int n, double u, double cap, UniformRandomProvider rng,
      int maxTries) {
    for (int t = 0; t < maxTries; t++) {
      double[] x = generate(n, u, rng);
      boolean ok = true;
      for (double v : x) {
        ok &= v <= cap;
      }
      if (ok) {
        return x;
      }
    }
    return null;
  }
}
