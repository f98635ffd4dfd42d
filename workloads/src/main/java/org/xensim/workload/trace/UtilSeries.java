package org.xensim.workload.trace;

/**
 * One VM's CPU-utilisation time series: sample {@code i} covers {@code [time(i), time(i) +
 * length(i))} of simulated time (ns) at utilisation {@code util(i)} (0–1 of the whole VM).
 * A sample lasts the sampling interval, cut short where the next sample starts earlier; time
 * between samples that a sample does not cover has no demand.
 */
public final class UtilSeries {
  private final String vm;
  private final long[] times;
  private final double[] utils;
  private final long intervalNs;

  UtilSeries(String vm, long[] times, double[] utils, long intervalNs) {
    this.vm = vm;
    this.times = times;
    this.utils = utils;
    this.intervalNs = intervalNs;
  }

  public String vm() {
    return vm;
  }

  public int size() {
    return times.length;
  }

  public long time(int i) {
    return times[i];
  }

  public double util(int i) {
    return utils[i];
  }

  public long intervalNs() {
    return intervalNs;
  }

  /** How long sample {@code i} lasts: the interval, or less if the next sample starts sooner. */
  public long length(int i) {
    return i + 1 < times.length ? Math.min(intervalNs, times[i + 1] - times[i]) : intervalNs;
  }

  /** The same samples shifted so that {@code origin} becomes t = 0 (earlier ones dropped). */
  UtilSeries shiftedTo(long origin) {
    int from = 0;
    while (from < times.length && times[from] < origin) {
      from++;
    }
    long[] t = new long[times.length - from];
    double[] u = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = times[from + i] - origin;
      u[i] = utils[from + i];
    }
    return new UtilSeries(vm, t, u, intervalNs);
  }

  /** Work one vCPU is asked for over the whole series, ns (each vCPU is busy {@code util}). */
  public long workPerVcpu() {
    long sum = 0;
    for (int i = 0; i < times.length; i++) {
      sum += Math.round(utils[i] * length(i));
    }
    return sum;
  }
}
