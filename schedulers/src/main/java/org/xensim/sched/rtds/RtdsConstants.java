package org.xensim.sched.rtds;

import org.xensim.core.time.Time;

// models rt_init() of sched_rt.c: its constants
/** The constants of {@code sched_rt.c}, with Xen's names; times in nanoseconds. */
public final class RtdsConstants {
  /** {@code RTDS_DEFAULT_PERIOD}: 10 ms. */
  public static final long RTDS_DEFAULT_PERIOD = Time.us(10_000);
  /** {@code RTDS_DEFAULT_BUDGET}: 4 ms. */
  public static final long RTDS_DEFAULT_BUDGET = Time.us(4_000);
  /** {@code RTDS_MIN_PERIOD}: 10 us (4.7; 4.6 had no limit). */
  public static final long RTDS_MIN_PERIOD = Time.us(10);
  /** {@code RTDS_MIN_BUDGET}: 10 us (4.7; 4.6 had no limit). */
  public static final long RTDS_MIN_BUDGET = Time.us(10);
  /** {@code RTDS_MAX_PERIOD} = {@code STIME_DELTA_MAX}: 2^62 - 1 ns. */
  public static final long RTDS_MAX_PERIOD = (1L << 62) - 1;
  /** {@code UPDATE_LIMIT_SHIFT}: deadline catch-up loops below 2^10 periods, divides above. */
  public static final int UPDATE_LIMIT_SHIFT = 10;
  /** {@code MAX_SCHEDULE}: the 4.6 scheduling quantum, 1 ms. */
  public static final long MAX_SCHEDULE = Time.ms(1);

  // The flag masks keep Xen's names (bits __RTDS_scheduled = 1, __RTDS_delayed_runq_add = 2,
  // __RTDS_depleted = 3).

  /** {@code RTDS_scheduled}: picked by rt_schedule(), until rt_context_saved(). */
  public static final int RTDS_scheduled = 1 << 1;
  /** {@code RTDS_delayed_runq_add}: re-queue in rt_context_saved(). */
  public static final int RTDS_delayed_runq_add = 1 << 2;
  /** {@code RTDS_depleted}: burn_budget() emptied the budget (4.7 only). */
  public static final int RTDS_depleted = 1 << 3;

  /**
   * The largest {@code period} / {@code budget} the domctl interface can carry: its fields are
   * {@code uint32_t} microseconds (below {@link #RTDS_MAX_PERIOD}).
   */
  public static final long DOMCTL_MAX_US = 0xFFFF_FFFFL;

  private RtdsConstants() {}
}
