package org.xensim.workload.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * {@code empirical}: one of the observed {@code values} (a list, or a file with one per line),
 * each equally likely; a value listed twice is twice as likely.
 */
public final class Empirical implements Distribution {
  private final long[] values;
  private final String origin;

  /** @param origin where the values came from, for {@link #describe()} */
  public Empirical(long[] values, String origin) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    this.values = values.clone();
    this.origin = origin;
  }

  /** How many values it draws from. */
  public int size() {
    return values.length;
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    long[] v = values;
    if (v.length == 1) {
      long only = v[0];
      return () -> only;
    }
    SharedStateDiscreteSampler index = DiscreteUniformSampler.of(rng, 0, v.length - 1);
    return () -> v[index.sample()];
  }

  @Override
  public double meanNs() {
    double sum = 0;
    for (long x : values) {
      sum += x;
    }
    return sum / values.length;
  }

  @Override
  public String describe() {
    return "empirical(" + values.length + " values from " + origin + ")";
  }
}
