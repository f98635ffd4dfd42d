package org.xensim.core.metrics;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution: an HdrHistogram with {@value #DIGITS} significant digits (every
 * percentile within 0.1 % of the truth) plus the exact count, sum and maximum. Recording does not
 * allocate except when a value doubles the largest seen so far (the histogram grows).
 */
public final class Latency {
  /** Significant digits of the histogram. */
  public static final int DIGITS = 3;

  private final Histogram histogram = new Histogram(DIGITS);
  private long sum;
  private long max;
  private long min = Long.MAX_VALUE;

  public void record(long ns) {
    histogram.recordValue(ns);
    sum += ns;
    if (ns > max) {
      max = ns;
    }
    if (ns < min) {
      min = ns;
    }
  }

  /** Adds every value of {@code other}. */
  public void add(Latency other) {
    histogram.add(other.histogram);
    sum += other.sum;
    max = Math.max(max, other.max);
    min = Math.min(min, other.min);
  }

  /** The exact smallest value (0 if none). */
  public long min() {
    return count() == 0 ? 0 : min;
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The exact largest value (0 if none). */
  public long max() {
    return max;
  }

  /** The exact mean, rounded to the nanosecond (0 if none). */
  public long mean() {
    long n = count();
    return n == 0 ? 0 : Math.round((double) sum / n);
  }

  /** The value at {@code percentile} (0–100), within 0.1 %, never above {@link #max()}. */
  public long percentile(double percentile) {
    return count() == 0 ? 0 : Math.min(max, histogram.getValueAtPercentile(percentile));
  }

  /** The histogram itself (for the CDF); do not record into it directly. */
  public Histogram histogram() {
    return histogram;
  }
}
