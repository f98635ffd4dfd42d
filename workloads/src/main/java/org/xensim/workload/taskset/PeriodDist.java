package org.xensim.workload.taskset;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How task periods are drawn between a minimum and a maximum, then rounded to a granularity.
 * Log-uniform is what Emberson, Stafford and Davis (WATERS 2010) recommend: each order of
 * magnitude gets as many tasks. Harmonic periods are {@code min * 2^k}, so every period divides
 * the largest (a short hyperperiod, and RM utilisation bound 1 on one CPU).
 */
public enum PeriodDist {
  UNIFORM("uniform") {
    @Override
    long draw(long min, long max, long granularity, UniformRandomProvider rng) {
      return round(min + rng.nextDouble() * (max - min), min, max, granularity);
    }
  },
  LOG_UNIFORM("log-uniform") {
    @Override
    long draw(long min, long max, long granularity, UniformRandomProvider rng) {
      double lo = Math.log(min);
      double hi = Math.log(max);
      return round(Math.exp(lo + rng.nextDouble() * (hi - lo)), min, max, granularity);
    }
  },
  HARMONIC("harmonic") {
    @Override
    long draw(long min, long max, long granularity, UniformRandomProvider rng) {
      int steps = 63 - Long.numberOfLeadingZeros(max / min); // floor(log2(max / min))
      return min << rng.nextInt(steps + 1);
    }
  };

  private final String label;

  PeriodDist(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A period in ns. */
  abstract long draw(long min, long max, long granularity, UniformRandomProvider rng);

  /** Rounds to a multiple of the granularity within [min, max] where one exists. */
  static long round(double x, long min, long max, long granularity) {
    long r = Math.round(x / granularity) * granularity;
    if (r < min) {
      r += granularity;
    }
    if (r > max) {
      r -= granularity;
    }
    return Math.max(granularity, r);
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(PeriodDist::label).toList();
  }

  public static PeriodDist named(String label) {
    for (PeriodDist p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    return null;
  }
}
