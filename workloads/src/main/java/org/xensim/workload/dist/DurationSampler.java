package org.xensim.workload.dist;

/** Draws durations in nanoseconds (never negative); one per vCPU and stream, no boxing. */
@FunctionalInterface
public interface DurationSampler {

  /** The next duration in ns, at least 0. */
  long sampleNs();
}
