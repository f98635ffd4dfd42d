package org.xensim.workload.dist;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.xensim.core.time.Time;

/**
 * {@code normal}: Gaussian with {@code mean} and {@code sd}, truncated at 0 by redrawing
 * negative values (so the mean drawn is a little above {@code mean} when {@code sd} is not
 * small beside it; {@link #meanNs()} gives the exact figure).
 */
public record TruncatedNormal(double mean, double sd) implements Distribution {

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    if (sd == 0) {
      long v = Distribution.toNs(mean);
      return () -> v;
    }
    NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
    double m = mean;
    double s = sd;
    return () -> {
      double x;
      do {
        x = m + s * z.sample();
      } while (x < 0);
      return Distribution.toNs(x);
    };
  }

  @Override
  public double meanNs() {
    if (sd == 0) {
      return mean;
    }
    // Mean of a normal truncated to [0, inf): mu + sd * phi(a) / (1 - Phi(a)), a = -mu / sd.
    NormalDistribution std = new NormalDistribution(null, 0, 1);
    double a = -mean / sd;
    return mean + sd * std.density(a) / (1 - std.cumulativeProbability(a));
  }

  @Override
  public String describe() {
    return "normal(mean " + Time.format(Math.round(mean)) + ", sd " + Time.format(Math.round(sd))
        + ", truncated at 0)";
  }
}
