package org.xensim.workload.taskset;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * RandFixedSum (R. Stafford, 2006, MATLAB Central file 9700; recommended for task sets by P.
 * Emberson, R. Stafford and R. I. Davis, "Techniques for the synthesis of multiprocessor
 * tasksets", WATERS 2010): {@code n} values in {@code [a, b]} summing to {@code s}, uniformly
 * distributed over that polytope. Unlike UUniFast-Discard it never rejects, so it serves totals
 * close to {@code n * b}. This is a re-implementation of the published algorithm: a table of
 * simplex-slice volumes picks, dimension by dimension, which simplex of the polytope's
 * decomposition the point falls into, and the point is then drawn uniformly inside it.
 */
public final class RandFixedSum {
  private RandFixedSum() {}

  /** {@code n} values in {@code [0, 1]} summing to {@code u} ({@code 0 <= u <= n}). */
  public static double[] generate(int n, double u, UniformRandomProvider rng) {
    return generate(n, u, 0, 1, rng);
  }

  /** {@code n} values in {@code [a, b]} summing to {@code s} ({@code n a <= s <= n b}). */
  public static double[] generate(int n, double s, double a, double b,
      UniformRandomProvider rng) {
    if (n < 1 || !(b > a) || s < n * a - 1e-9 || s > n * b + 1e-9) {
      throw new IllegalArgumentException("need n >= 1, a < b and n*a <= s <= n*b");
    }
    if (n == 1) {
      return new double[] {s};
    }
    double[] x = unitCube(n, (s - n * a) / (b - a), rng);
    for (int i = 0; i < n; i++) {
      x[i] = a + (b - a) * x[i];
    }
    return x;
  }

  /** The algorithm on the unit cube: {@code n >= 2} values in [0, 1] summing to {@code s}. */
  private static double[] unitCube(int n, double s, UniformRandomProvider rng) {
    int k = (int) Math.max(Math.min(Math.floor(s), n - 1), 0);
    s = Math.max(Math.min(s, k + 1), k);
    double[] s1 = new double[n];
    double[] s2 = new double[n];
    for (int j = 0; j < n; j++) {
      s1[j] = s - (k - j);
      s2[j] = (k + n - j) - s;
    }
    // w[i][j]: scaled volumes of the simplex slices; t[i][j]: transition probabilities.
    double[][] w = new double[n][n + 1];
    w[0][1] = Double.MAX_VALUE;
    double[][] t = new double[n - 1][n];
    double tiny = Double.MIN_NORMAL;
    for (int i = 2; i <= n; i++) {
      for (int j = 1; j <= i; j++) {
        double tmp1 = w[i - 2][j] * s1[j - 1] / i;
        double tmp2 = w[i - 2][j - 1] * s2[n - i + j - 1] / i;
        w[i - 1][j] = tmp1 + tmp2;
        double tmp3 = w[i - 1][j] + tiny;
        t[i - 2][j - 1] = s2[n - i + j - 1] > s1[j - 1] ? tmp2 / tmp3 : 1 - tmp1 / tmp3;
      }
    }
    double[] x = new double[n];
    double rem = s;
    int j = k + 1;
    double sm = 0;
    double pr = 1;
    for (int i = n - 1; i >= 1; i--) {
      double rt = rng.nextDouble();
      double rs = rng.nextDouble();
      int e = rt <= t[i - 1][j - 1] ? 1 : 0;
      double sx = Math.pow(rs, 1.0 / i);
      sm += (1 - sx) * pr * rem / (i + 1);
      pr *= sx;
      x[n - i - 1] = sm + pr * e;
      rem -= e;
      j -= e;
    }
    x[n - 1] = sm + pr * rem;
    // The construction fills dimensions in a fixed order: shuffle them.
    int[] perm = PermutationSampler.natural(n);
    PermutationSampler.shuffle(rng, perm);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = x[perm[i]];
    }
    return out;
  }
}
