package org.xensim.core.sched;

/** What a scheduler model supports, so validation and users can ask instead of guessing. */
public enum Capability {
  /** Per-domain proportional {@code weight}. */
  WEIGHT,
  /** Per-domain {@code cap}. */
  CAP,
  /** Honours soft affinity ({@code cpus_soft}). */
  SOFT_AFFINITY,
  /** Shared runqueues laid out by topology ({@code credit2_runqueue}). */
  RUNQUEUE_LAYOUT,
  /** Per-vCPU {@code period} / {@code budget} with deadlines. */
  DEADLINES
}
