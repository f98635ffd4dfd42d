package org.xensim.core.metrics;

/** What one pCPU did during the measured time. */
public final class PcpuStats {
  public long busyNs;
  public long idleNs;
  public long overheadNs;
  public long contextSwitches;
  public long scheduleCalls;
  /** 4.6 RTDS idle re-polls (spec §10.1), not counted in {@link #scheduleCalls}. */
  public long idleRepolls;
  public long ipisReceived;

  boolean busy;
  long since;
}
