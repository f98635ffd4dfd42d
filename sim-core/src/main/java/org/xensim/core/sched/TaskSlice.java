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
  /**
   * Not in Xen: the slice is an idle re-poll interval, standing for a slice of 0 that makes an
   * idle pCPU re-enter the scheduler at once (4.6 RTDS, spec §10.1). The generic layer reports a
   * pass raised only by the expiry of such a slice as an idle re-poll
   * ({@link org.xensim.core.observe.SimListener#onIdleRepoll}), not as a schedule call.
   * {@link #set} clears it.
   */
  public boolean idleRepoll;

  public void set(VCpu task, long timeNs, boolean migrated) {
    this.task = task;
    this.timeNs = timeNs;
    this.migrated = migrated;
    this.idleRepoll = false;
  }
}
