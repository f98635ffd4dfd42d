package org.xensim.sched.credit2;

import org.xensim.core.time.Time;

// models csched2_init() constants: the CSCHED2_* values of sched_credit2.c
/** The compile-time constants of {@code sched_credit2.c} (4.7), under Xen's names. */
final class Credit2Constants {
  private Credit2Constants() {}

  /** Weight of a new domain. */
  static final int CSCHED2_DEFAULT_WEIGHT = 256;
  /** Shortest slice {@code csched2_runtime()} gives. */
  static final long CSCHED2_MIN_TIMER = Time.us(500);
  /** Credit a new vCPU starts with and a reset adds: 10 ms of a max-weight vCPU's run time. */
  static final long CSCHED2_CREDIT_INIT = Time.ms(10);
  /** Most credit kept over a reset, above {@link #CSCHED2_CREDIT_INIT}. */
  static final long CSCHED2_CARRYOVER_MAX = CSCHED2_MIN_TIMER;
  /** Credit given to a vCPU picked up by a pCPU other than its {@code processor}. */
  static final long CSCHED2_MIGRATE_COMPENSATION = Time.us(50);
  /** A chosen vCPU with credit at or below this triggers {@code reset_credit()}. */
  static final long CSCHED2_CREDIT_RESET = 0;
  /** Longest slice {@code csched2_runtime()} gives (4.7: 2 ms; 4.8 made it 10 ms). */
  static final long CSCHED2_MAX_TIMER = Time.ms(2);
  /** Credit of the idle vCPU: below anything a guest vCPU can have. */
  static final int CSCHED2_IDLE_CREDIT = -(1 << 30);

  /** Load time unit: {@code now >> 10}, about a microsecond. */
  static final int LOADAVG_GRANULARITY_SHIFT = 10;
  /** Smallest accepted {@code credit2_load_window_shift}; lower values are raised to it. */
  static final int LOADAVG_WINDOW_SHIFT_MIN = 4;
  /** {@code choose_cpu()}'s "infinite" load. */
  static final long MAX_LOAD = 1L << 60;

  /** {@code CSFLAG_scheduled}: chosen by {@code csched2_schedule()}, until context_saved. */
  static final int CSFLAG_SCHEDULED = 1 << 1;
  /** {@code CSFLAG_delayed_runq_add}: put back on the runqueue in context_saved. */
  static final int CSFLAG_DELAYED_RUNQ_ADD = 1 << 2;
  /** {@code CSFLAG_runq_migrate_request}: the balancer asked for a move to migrate_rqd. */
  static final int CSFLAG_RUNQ_MIGRATE_REQUEST = 1 << 3;
}
