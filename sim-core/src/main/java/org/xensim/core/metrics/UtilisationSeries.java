package org.xensim.core.metrics;

import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;

/**
 * Busy time of every pCPU in a fixed number of equal buckets over the measured time, for the
 * utilisation-over-time chart: memory is buckets × pCPUs, whatever the run's length.
 */
public final class UtilisationSeries implements SimListener {
  /** Buckets by default. */
  public static final int DEFAULT_BUCKETS = 200;

  private final long fromNs;
  private final long bucketNs;
  private final int buckets;
  private final long[][] busyNs;
  private final boolean[] busy;
  private final long[] since;

  /**
   * Buckets [{@code fromNs}, {@code toNs}) into at most {@code buckets} buckets of a round length
   * (1, 2 or 5 times a power of ten nanoseconds), so charts get round tick values.
   */
  public UtilisationSeries(int nrCpus, long fromNs, long toNs, int buckets) {
    long span = Math.max(1, toNs - fromNs);
    this.fromNs = fromNs;
    this.bucketNs = round125(Math.max(1, (span + buckets - 1) / buckets));
    this.buckets = (int) ((span + bucketNs - 1) / bucketNs);
    this.busyNs = new long[nrCpus][this.buckets];
    this.busy = new boolean[nrCpus];
    this.since = new long[nrCpus];
  }

  /** The smallest of 1, 2, 5, 10, 20, 50, … that is at least {@code ns}. */
  static long round125(long ns) {
    for (long p = 1; ; p *= 10) {
      for (long m : new long[] {1, 2, 5}) {
        if (m * p >= ns) {
          return m * p;
        }
      }
    }
  }

  @Override
  public void onContextSwitch(int cpu, VCpu prev, VCpu next, long costNs, long now) {
    if (busy[cpu]) {
      add(cpu, since[cpu], now);
    }
    busy[cpu] = !next.isIdle();
    since[cpu] = now;
  }

  @Override
  public void onEnd(long now) {
    for (int c = 0; c < busy.length; c++) {
      if (busy[c]) {
        add(c, since[c], now);
      }
      since[c] = now;
    }
  }

  private void add(int cpu, long from, long to) {
    long s = Math.max(from, fromNs);
    long end = Math.min(to, fromNs + bucketNs * buckets);
    while (s < end) {
      int b = (int) ((s - fromNs) / bucketNs);
      long bucketEnd = fromNs + (b + 1) * bucketNs;
      long e = Math.min(end, bucketEnd);
      busyNs[cpu][b] += e - s;
      s = e;
    }
  }

  public long fromNs() {
    return fromNs;
  }

  public long bucketNs() {
    return bucketNs;
  }

  public int buckets() {
    return buckets;
  }

  public int nrCpus() {
    return busyNs.length;
  }

  /** Busy ns of {@code cpu} in bucket {@code b} (the last bucket may be shorter than the rest). */
  public long busyNs(int cpu, int b) {
    return busyNs[cpu][b];
  }

  /** Length of bucket {@code b} within [from, to). */
  public long lengthNs(int b, long toNs) {
    long s = fromNs + b * bucketNs;
    return Math.max(0, Math.min(toNs, s + bucketNs) - s);
  }
}
