package org.xensim.core.sched;

import org.xensim.core.domain.VCpu;

/**
 * Xen's {@code struct task_slice}: what {@code do_schedule} returns. Each pCPU owns one and the
 * scheduler fills it in, so the hot path allocates nothing.
 */
public final class TaskSlice {
  /** Slice value meaning "no limit" (Xen's negative {@code time}). */
  public static final long NO_LIMIT = -1;

  public VCpu task;
  /** Nanoseconds until the slice timer fires; negative = none. */
  public long timeNs;
  /** The chosen vCPU came from another pCPU. */
  public boolean migrated;

  public void set(VCpu task, long timeNs, boolean migrated) {
    this.task = task;
    this.timeNs = timeNs;
    this.migrated = migrated;
  }
}
