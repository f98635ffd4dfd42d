package org.xensim.workload.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.xensim.core.time.Time;

/** {@code exponential}: memoryless, by {@code mean} (or {@code rate} per second). */
public record Exponential(double mean) implements Distribution {

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    ContinuousSampler s = ZigguratSampler.Exponential.of(rng, mean);
    return () -> Distribution.toNs(s.sample());
  }

  @Override
  public double meanNs() {
    return mean;
  }

  @Override
  public String describe() {
    return "exponential(mean " + Time.format(Math.round(mean)) + ")";
  }
}
