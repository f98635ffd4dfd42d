package org.xensim.workload.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.xensim.core.time.Time;

/** {@code uniform}: continuous between {@code min} and {@code max}. */
public record Uniform(long minNs, long maxNs) implements Distribution {

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    if (minNs == maxNs) {
      long v = minNs;
      return () -> v;
    }
    ContinuousSampler s = ContinuousUniformSampler.of(rng, minNs, maxNs);
    return () -> Distribution.toNs(s.sample());
  }

  @Override
  public double meanNs() {
    return (minNs + (double) maxNs) / 2;
  }

  @Override
  public String describe() {
    return "uniform(" + Time.format(minNs) + ", " + Time.format(maxNs) + ")";
  }
}
