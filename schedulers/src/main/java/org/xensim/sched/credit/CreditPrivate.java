package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_CREDITS_PER_MSEC;
import static org.xensim.sched.credit.CreditConstants.CSCHED_DEFAULT_TSLICE_MS;
import static org.xensim.sched.credit.CreditConstants.CSCHED_TICKS_PER_TSLICE;
import static org.xensim.sched.credit.CreditConstants.MICROSECS_1;
import static org.xensim.sched.credit.CreditConstants.MILLISECS_1;
import static org.xensim.sched.credit.CreditConstants.SCHED_DEFAULT_RATELIMIT_US;
import static org.xensim.sched.credit.CreditConstants.XEN_SYSCTL_CSCHED_TSLICE_MAX;
import static org.xensim.sched.credit.CreditConstants.XEN_SYSCTL_CSCHED_TSLICE_MIN;
import static org.xensim.sched.credit.CreditConstants.XEN_SYSCTL_SCHED_RATELIMIT_MAX;
import static org.xensim.sched.credit.CreditConstants.XEN_SYSCTL_SCHED_RATELIMIT_MIN;

import org.xensim.core.host.CpuMask;
import org.xensim.core.engine.Timer;

// models csched_init()
/**
 * The scheduler-wide state of one Credit instance (one cpupool): Xen's
 * {@code struct csched_private}, set up by {@code csched_init()}, plus the boot options
 * {@code sched_credit.c} and {@code schedule.c} keep in globals.
 */
final class CreditPrivate {
  /** {@code active_sdom}: domains with active vCPUs; its order drives csched_acct(). */
  final ListHead<CreditDom> activeSdom = ListHead.head();
  /** {@code ncpus} (a {@code uint32_t}). */
  int ncpus;
  /** {@code master_ticker}: runs csched_acct() every {@code tslice_ms}. */
  Timer masterTicker;
  /** {@code master}: the pCPU that runs the accounting; -1 ({@code UINT_MAX}) before any. */
  int master = -1;
  /** {@code idlers}: pCPUs whose last pass chose their idle vCPU. */
  final CpuMask idlers;
  /** {@code cpus}: the pCPUs of this instance. */
  final CpuMask cpus;
  /** {@code weight}: sum over active vCPUs of their domain's weight ({@code uint32_t}). */
  int weight;
  /** {@code credit}: credits per period, {@code credits_per_tslice · ncpus} ({@code uint32_t}). */
  int credit;
  /** {@code credit_balance}: what the last accounting left over (signed). */
  int creditBalance;
  /** {@code runq_sort}: the accounting epoch ({@code uint32_t}). */
  int runqSort;
  /** {@code ratelimit_us} ({@code unsigned}). */
  int ratelimitUs;
  int tsliceMs;
  int tickPeriodUs;
  int ticksPerTslice;
  int creditsPerTslice;

  /** {@code opt_tickle_one_idle} (boot {@code tickle_one_idle_cpu}). */
  final boolean tickleOneIdle;
  /** {@code vcpu_migration_delay} in µs (an {@code unsigned int}; host-wide in Xen 4.7). */
  final int vcpuMigrationDelayUs;
  /** {@code sched_smt_power_savings} ({@code schedule.c}). */
  final boolean smtPowerSavings;

  /** Per-pCPU data ({@code per_cpu(schedule_data, cpu).sched_priv}); null outside this pool. */
  final CreditPcpu[] pcpu;

  /**
   * Models {@code csched_init()}.
   *
   * @param nrCpus {@code nr_cpu_ids}
   * @param tsliceMsOpt the {@code sched_credit_tslice_ms} boot option
   * @param ratelimitUsOpt the {@code sched_ratelimit_us} value this instance reads: the raw boot
   *     value for the boot scheduler, the range-checked one for later pools
   *     (see {@link #ratelimitSeenAtInit})
   */
  CreditPrivate(int nrCpus, int tsliceMsOpt, int ratelimitUsOpt, boolean tickleOneIdle,
      int vcpuMigrationDelayUs, boolean smtPowerSavings) {
    this.idlers = new CpuMask(nrCpus);
    this.cpus = new CpuMask(nrCpus);
    this.pcpu = new CreditPcpu[nrCpus];
    this.tickleOneIdle = tickleOneIdle;
    this.vcpuMigrationDelayUs = vcpuMigrationDelayUs;
    this.smtPowerSavings = smtPowerSavings;
    int tslice = tsliceMsOpt;
    if (tslice > XEN_SYSCTL_CSCHED_TSLICE_MAX || tslice < XEN_SYSCTL_CSCHED_TSLICE_MIN) {
      // Xen warns and falls back to the default.
      tslice = CSCHED_DEFAULT_TSLICE_MS;
    }
    setTslice(tslice);
    // csched_init() compares MICROSECS(sched_ratelimit_us) with MILLISECS(tslice) as s_time_t.
    if ((long) ratelimitUsOpt * MICROSECS_1 > (long) tslice * MILLISECS_1) {
      ratelimitUs = 1000 * tsliceMs;
    } else {
      ratelimitUs = ratelimitUsOpt;
    }
  }

  /**
   * The {@code sched_ratelimit_us} value {@code csched_init()} reads (spec §2.14 quirk):
   * {@code scheduler_init()} initialises the boot scheduler before it range-checks the option, so
   * the boot pool uses the raw value, and pools created later see it reset to
   * {@code SCHED_DEFAULT_RATELIMIT_US} when it is non-zero and outside [100, 500000] µs.
   */
  static int ratelimitSeenAtInit(int bootValueUs, boolean bootScheduler) {
    if (bootScheduler) {
      return bootValueUs;
    }
    if (bootValueUs != 0 && (bootValueUs > XEN_SYSCTL_SCHED_RATELIMIT_MAX
        || bootValueUs < XEN_SYSCTL_SCHED_RATELIMIT_MIN)) {
      return SCHED_DEFAULT_RATELIMIT_US;
    }
    return bootValueUs;
  }

  /** Models {@code __csched_set_tslice()}. */
  void setTslice(int timesliceMs) {
    tsliceMs = timesliceMs;
    ticksPerTslice = CSCHED_TICKS_PER_TSLICE;
    if (tsliceMs < ticksPerTslice) {
      ticksPerTslice = 1;
    }
    tickPeriodUs = tsliceMs * 1000 / ticksPerTslice;
    creditsPerTslice = CSCHED_CREDITS_PER_MSEC * tsliceMs;
    credit = creditsPerTslice * ncpus;
  }

  /** {@code MILLISECS(tslice_ms)}. */
  long tsliceNs() {
    return Integer.toUnsignedLong(tsliceMs) * MILLISECS_1;
  }

  /** {@code MICROSECS(tick_period_us)}. */
  long tickPeriodNs() {
    return Integer.toUnsignedLong(tickPeriodUs) * MICROSECS_1;
  }

  /** {@code MICROSECS(ratelimit_us)}. */
  long ratelimitNs() {
    return Integer.toUnsignedLong(ratelimitUs) * MICROSECS_1;
  }
}
