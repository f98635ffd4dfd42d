package org.xensim.sched.credit;

// models csched_init() of sched_credit.c: the constants it and the rest use
/**
 * The constants of {@code sched_credit.c} (4.7), and the generic ones it uses, under Xen's names.
 */
final class CreditConstants {
  private CreditConstants() {}

  /** {@code CSCHED_DEFAULT_WEIGHT}. */
  static final int CSCHED_DEFAULT_WEIGHT = 256;
  /** {@code CSCHED_TICKS_PER_TSLICE}. */
  static final int CSCHED_TICKS_PER_TSLICE = 3;
  /** {@code CSCHED_DEFAULT_TSLICE_MS}. */
  static final int CSCHED_DEFAULT_TSLICE_MS = 30;
  /** {@code CSCHED_CREDITS_PER_MSEC}: one credit is 100 µs of pCPU time. */
  static final int CSCHED_CREDITS_PER_MSEC = 10;

  /** {@code CSCHED_PRI_TS_BOOST}: time-share, just woken. */
  static final int CSCHED_PRI_TS_BOOST = 0;
  /** {@code CSCHED_PRI_TS_UNDER}: time-share with credit. */
  static final int CSCHED_PRI_TS_UNDER = -1;
  /** {@code CSCHED_PRI_TS_OVER}: time-share without credit. */
  static final int CSCHED_PRI_TS_OVER = -2;
  /** {@code CSCHED_PRI_IDLE}: the idle vCPU. */
  static final int CSCHED_PRI_IDLE = -64;

  /** {@code CSCHED_FLAG_VCPU_PARKED} (bit 0): paused by the cap. */
  static final int CSCHED_FLAG_VCPU_PARKED = 1;
  /** {@code CSCHED_FLAG_VCPU_YIELD} (bit 1). */
  static final int CSCHED_FLAG_VCPU_YIELD = 1 << 1;
  /** {@code CSCHED_FLAG_VCPU_MIGRATING} (bit 2): set by pick_cpu, consumed by the next wake. */
  static final int CSCHED_FLAG_VCPU_MIGRATING = 1 << 2;

  /** {@code CSCHED_BALANCE_SOFT_AFFINITY}. */
  static final int CSCHED_BALANCE_SOFT_AFFINITY = 0;
  /** {@code CSCHED_BALANCE_HARD_AFFINITY}. */
  static final int CSCHED_BALANCE_HARD_AFFINITY = 1;

  /** {@code XEN_SYSCTL_CSCHED_TSLICE_MIN} (ms). */
  static final int XEN_SYSCTL_CSCHED_TSLICE_MIN = 1;
  /** {@code XEN_SYSCTL_CSCHED_TSLICE_MAX} (ms). */
  static final int XEN_SYSCTL_CSCHED_TSLICE_MAX = 1000;
  /** {@code SCHED_DEFAULT_RATELIMIT_US} ({@code schedule.c}). */
  static final int SCHED_DEFAULT_RATELIMIT_US = 1000;
  /** {@code XEN_SYSCTL_SCHED_RATELIMIT_MIN} (µs). */
  static final int XEN_SYSCTL_SCHED_RATELIMIT_MIN = 100;
  /** {@code XEN_SYSCTL_SCHED_RATELIMIT_MAX} (µs). */
  static final int XEN_SYSCTL_SCHED_RATELIMIT_MAX = 500000;

  /** {@code MILLISECS(1)} in ns. */
  static final long MILLISECS_1 = 1_000_000L;
  /** {@code MICROSECS(1)} in ns. */
  static final long MICROSECS_1 = 1_000L;
}
