package org.xensim.core.metrics;

/** What one pCPU did during the measured time. */
public final class PcpuStats {
  public long busyNs;
  public long idleNs;
  public long overheadNs;
  public long contextSwitches;
  public long scheduleCalls;
  public long ipisReceived;

  boolean busy;
  long since;
}
