package org.xensim.core.metrics;

import org.HdrHistogram.Histogram;

/** What one vCPU did during the measured time. */
public final class VcpuStats {
  /** Time in each runstate, indexed by {@link org.xensim.core.domain.RunState#ordinal()}. */
  public final long[] stateNs = new long[4];
  public long workNs;
  public long preemptions;
  public long migrations;
  public long jobs;
  public long deadlineMisses;
  /** Wake-to-run latency in ns, 3 significant digits. */
  public final Histogram wakeLatency = new Histogram(3);
  /** Release-to-completion times of real-time jobs in ns; made at the first job. */
  public Histogram jobResponse;
  /** Requests of a server workload this vCPU served. */
  public long requests;
  /** Arrival-to-completion times of those requests in ns; made at the first request. */
  public Histogram requestResponse;

  long stateEntry;
  long pendingWake = -1;
}
