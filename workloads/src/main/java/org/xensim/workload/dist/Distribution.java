package org.xensim.workload.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A distribution of durations as a scenario names it ({@code {dist: exponential, mean: 2ms}}).
 * Immutable and shared by every vCPU and replication; each vCPU gets its own
 * {@link DurationSampler} over its own named stream.
 */
public interface Distribution {

  /** A sampler drawing from {@code rng}; made once per vCPU, at the workload's start. */
  DurationSampler sampler(UniformRandomProvider rng);

  /** The mean in ns of what the sampler draws ({@code +Infinity} when it has none). */
  double meanNs();

  /** How a person would write it, e.g. {@code exponential(mean 2ms)}. */
  String describe();

  /** Rounds a drawn value to whole nanoseconds: negatives become 0, huge values ~31 years. */
  static long toNs(double x) {
    if (!(x > 0)) {
      return 0;
    }
    return x >= 1e18 ? 1_000_000_000_000_000_000L : Math.round(x);
  }
}
