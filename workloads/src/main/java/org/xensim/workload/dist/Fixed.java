package org.xensim.workload.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.time.Time;

/** {@code fixed}: always {@code value} (a bare duration in a scenario means this). */
public record Fixed(long valueNs) implements Distribution {

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    long v = valueNs;
    return () -> v;
  }

  @Override
  public double meanNs() {
    return valueNs;
  }

  @Override
  public String describe() {
    return "fixed(" + Time.format(valueNs) + ")";
  }
}
