package org.xensim.workload.dist;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.xensim.core.time.Time;

/**
 * {@code pareto}: heavy-tailed, at least {@code scale}, tail index {@code shape}; the mean is
 * {@code shape * scale / (shape - 1)} for {@code shape > 1}, infinite otherwise.
 */
public record Pareto(double scale, double shape) implements Distribution {

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    ContinuousSampler s = InverseTransformParetoSampler.of(rng, scale, shape);
    return () -> Distribution.toNs(s.sample());
  }

  @Override
  public double meanNs() {
    return shape > 1 ? shape * scale / (shape - 1) : Double.POSITIVE_INFINITY;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "pareto(scale %s, shape %s)", Time.format(Math.round(scale)),
        shape);
  }
}
