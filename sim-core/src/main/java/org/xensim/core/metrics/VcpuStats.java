package org.xensim.core.metrics;

/** What one vCPU did during the measured time. */
public final class VcpuStats {
  /** Time in each runstate, indexed by {@link org.xensim.core.domain.RunState#ordinal()}. */
  public final long[] stateNs = new long[4];
  /** Runnable time that began with a wake (blocked or offline to runnable). */
  public long wakeWaitNs;
  /** Runnable time that began with being descheduled while runnable (a preemption). */
  public long preemptWaitNs;
  public long workNs;
  public long preemptions;
  public long migrations;
  /**
   * Migrations by what they crossed, indexed by {@link org.xensim.core.host.Topology.Distance}
   * ordinal ({@code SAME_CPU} stays 0).
   */
  public final long[] migrationsByDistance = new long[5];
  public long jobs;
  public long deadlineMisses;
  /** Wake-to-run latency in ns ({@code vcpu_wake} to running, zeros included). */
  public final Latency wakeLatency = new Latency();
  /** Preemption wait in ns: from being descheduled while runnable to running again. */
  public final Latency preemptWait = new Latency();
  /** Job response times (release to completion) in ns; null until the first job completes. */
  public Latency jobResponse;
  /** Requests of a server workload this vCPU served. */
  public long requests;
  /** Arrival-to-completion times of those requests in ns; null until the first request. */
  public Latency requestResponse;
  /**
   * "Who ran while you waited": pCPU-time (ns) each domain held the pCPUs this vCPU could run on
   * while it was runnable, by slot of {@link MetricsCollector#slotNames(int)}; null when not
   * tracked.
   */
  public long[] waitedBehindNs;

  long stateEntry;
  /** Start of the pending wake-latency sample, or -1. */
  long pendingWake = -1;
  /** Start of the pending preemption-wait sample, or -1. */
  long pendingPreempt = -1;
  /** The current runnable interval began with a preemption. */
  boolean waitAfterPreempt;
  /** Attribution snapshot at the start of the current wait. */
  long[] behindSnapshot;
  /** Affinity group the current wait is attributed over, or null. */
  WaitAttribution.Group waitGroup;
  /** Hard affinity {@link #group} was found for (a change means a new lookup). */
  org.xensim.core.host.CpuMask groupAffinity;
  WaitAttribution.Group group;
}
