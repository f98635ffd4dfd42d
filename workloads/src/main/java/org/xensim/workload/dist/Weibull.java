package org.xensim.workload.dist;

import java.util.Locale;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformContinuousSampler;
import org.xensim.core.time.Time;

/**
 * {@code weibull} with {@code shape} k and {@code scale} lambda, drawn by inverting its CDF:
 * {@code lambda * (-ln(1 - p))^(1/k)}; the mean is {@code lambda * Gamma(1 + 1/k)}.
 */
public record Weibull(double scale, double shape) implements Distribution {

  /** The scale that gives {@code mean} at this {@code shape}. */
  public static double scaleForMean(double mean, double shape) {
    return mean / Gamma.gamma(1 + 1 / shape);
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    double lambda = scale;
    double inv = 1 / shape;
    ContinuousSampler s = InverseTransformContinuousSampler.of(rng,
        p -> lambda * Math.pow(-Math.log1p(-p), inv));
    return () -> Distribution.toNs(s.sample());
  }

  @Override
  public double meanNs() {
    return scale * Gamma.gamma(1 + 1 / shape);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "weibull(scale %s, shape %s)",
        Time.format(Math.round(scale)), shape);
  }
}
