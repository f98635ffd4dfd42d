package org.xensim.workload.trace;

/**
 * The recorded rows of one vCPU, in time order: parallel arrays of time (ns), event and amount
 * (ns; -1 where the row has none). Immutable once read; shared by every replication.
 */
public final class VcpuDemand {
  static final byte[] NO_EVENTS = new byte[0];
  private final long[] times;
  private final byte[] events;
  private final long[] amounts;

  VcpuDemand(long[] times, byte[] events, long[] amounts) {
    this.times = times;
    this.events = events;
    this.amounts = amounts;
  }

  public int size() {
    return times.length;
  }

  public long time(int i) {
    return times[i];
  }

  public DemandEvent event(int i) {
    return DemandEvent.values()[events[i]];
  }

  /** The row's amount in ns, or -1 if it has none. */
  public long amount(int i) {
    return amounts[i];
  }

  byte eventOrdinal(int i) {
    return events[i];
  }

  /** Work the rows add up to (amounts of wake and work rows), ns. */
  public long totalWork() {
    long sum = 0;
    for (int i = 0; i < times.length; i++) {
      if (amounts[i] > 0) {
        sum += amounts[i];
      }
    }
    return sum;
  }
}
