package org.xensim.workload.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.xensim.core.time.Time;

/**
 * {@code lognormal}, given by the {@code mean} and {@code sd} of the durations themselves (not of
 * their logarithm): {@code sigma^2 = ln(1 + sd^2 / mean^2)}, {@code mu = ln(mean) - sigma^2 / 2}.
 */
public record LogNormal(double mean, double sd) implements Distribution {

  /** The mean of the logarithm. */
  public double mu() {
    return Math.log(mean) - sigma() * sigma() / 2;
  }

  /** The standard deviation of the logarithm. */
  public double sigma() {
    return Math.sqrt(Math.log1p((sd * sd) / (mean * mean)));
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    if (sd == 0) {
      long v = Distribution.toNs(mean);
      return () -> v;
    }
    ContinuousSampler s =
        LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu(), sigma());
    return () -> Distribution.toNs(s.sample());
  }

  @Override
  public double meanNs() {
    return mean;
  }

  @Override
  public String describe() {
    return "lognormal(mean " + Time.format(Math.round(mean)) + ", sd "
        + Time.format(Math.round(sd)) + ")";
  }
}
