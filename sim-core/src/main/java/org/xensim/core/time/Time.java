package org.xensim.core.time;

/**
 * Simulated time is a {@code long} count of nanoseconds, as Xen's {@code s_time_t}. These
 * helpers mirror Xen's {@code MICROSECS()}, {@code MILLISECS()} and {@code SECONDS()}.
 */
public final class Time {
  public static final long NS_PER_US = 1_000L;
  public static final long NS_PER_MS = 1_000_000L;
  public static final long NS_PER_S = 1_000_000_000L;
  /** Xen's {@code STIME_MAX}. */
  public static final long STIME_MAX = Long.MAX_VALUE;

  private Time() {}

  public static long us(long micros) {
    return micros * NS_PER_US;
  }

  public static long ms(long millis) {
    return millis * NS_PER_MS;
  }

  public static long s(long seconds) {
    return seconds * NS_PER_S;
  }

  /** Formats nanoseconds for people: {@code 1.5ms}, {@code 250us}, {@code 2s}. */
  public static String format(long ns) {
    if (ns % NS_PER_S == 0 && ns != 0) {
      return ns / NS_PER_S + "s";
    }
    if (ns % NS_PER_MS == 0 && ns != 0) {
      return ns / NS_PER_MS + "ms";
    }
    if (ns % NS_PER_US == 0 && ns != 0) {
      return ns / NS_PER_US + "us";
    }
    return ns + "ns";
  }
}
