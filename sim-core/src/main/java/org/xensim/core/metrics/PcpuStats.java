package org.xensim.core.metrics;

/** What one pCPU did during the measured time. */
public final class PcpuStats {
  /** Time running a guest vCPU (including the context switch into it). */
  public long busyNs;
  /** Time running the idle vCPU (including the context switch into it). */
  public long idleNs;
  /** Context-switch time (part of busy or idle time, by what was switched to). */
  public long overheadNs;
  public long contextSwitches;
  /** Calls of the scheduler's {@code do_schedule}. */
  public long scheduleCalls;
  /** 4.6 RTDS idle re-polls (spec §10.1), not counted in {@link #scheduleCalls}. */
  public long idleRepolls;
  /** Schedule softirqs raised on this pCPU by another one. */
  public long ipisReceived;

  boolean busy;
  long since;
}
