package org.xensim.sched.credit2;

import java.util.List;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.ParamSpec.Scope;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.time.Time;

/**
 * The boot options of one Credit2 instance: models the {@code opt_*} variables of
 * {@code sched_credit2.c} and the clamp {@code csched2_init()} applies to the load window.
 *
 * @param runqueue {@code credit2_runqueue} ({@code opt_runqueue})
 * @param migrateResistNs {@code CSCHED2_MIGRATE_RESIST} = {@code sched_credit2_migrate_resist} µs
 * @param loadWindowShift {@code prv->load_window_shift}, at least {@code LOADAVG_WINDOW_SHIFT_MIN}
 * @param balanceUnder {@code credit2_balance_under} ({@code opt_underload_balance_tolerance})
 * @param balanceOver {@code credit2_balance_over} ({@code opt_overload_balance_tolerance})
 */
record Credit2Options(RunqueueOption runqueue, long migrateResistNs, int loadWindowShift,
    int balanceUnder, int balanceOver) {

  static final String RUNQUEUE = "credit2_runqueue";
  static final String MIGRATE_RESIST = "sched_credit2_migrate_resist";
  static final String LOAD_WINDOW_SHIFT = "credit2_load_window_shift";
  static final String BALANCE_UNDER = "credit2_balance_under";
  static final String BALANCE_OVER = "credit2_balance_over";
  static final String WEIGHT = "weight";

  /** Xen 4.7's defaults. */
  static final Credit2Options DEFAULTS =
      new Credit2Options(RunqueueOption.CORE, Time.us(500), 18, 0, -3);

  /** The parameters with Xen's names, units, defaults and ranges. */
  static List<ParamSpec> specs() {
    return List.of(
        ParamSpec.choice(RUNQUEUE, Scope.POOL, "core", List.of("core", "socket", "node", "all"),
            "which pCPUs share a runqueue (4.7 default core; 4.8 changed it to socket)"),
        ParamSpec.duration(MIGRATE_RESIST, Scope.POOL, Time.NS_PER_US, 500, 0, 0xFFFF_FFFFL, true,
            "CSCHED2_MIGRATE_RESIST: credit a vCPU last run elsewhere needs above the default"
                + " choice to be pulled"),
        ParamSpec.integer(LOAD_WINDOW_SHIFT, Scope.POOL, 18, 0, 63,
            "load averaging window 2^shift units of 1024 ns; values below 4 are raised to 4"
                + " (csched2_init)"),
        ParamSpec.integer(BALANCE_UNDER, Scope.POOL, 0, -63, 63,
            "added to the window shift for the balancer's under-loaded threshold"),
        ParamSpec.integer(BALANCE_OVER, Scope.POOL, -3, -63, 63,
            "added to the window shift for the balancer's over-loaded threshold"),
        ParamSpec.integer(WEIGHT, Scope.DOMAIN, Credit2Constants.CSCHED2_DEFAULT_WEIGHT, 1, 65535,
            "relative weight (xl sched-credit2 -w)"));
  }

  /** Reads a pool's validated boot options; missing ones take Xen's defaults. */
  static Credit2Options from(SchedParams p) {
    RunqueueOption rq = p.has(RUNQUEUE) ? RunqueueOption.parse(p.getString(RUNQUEUE))
        : DEFAULTS.runqueue();
    long resistUs = p.has(MIGRATE_RESIST) ? p.getLong(MIGRATE_RESIST) : 500;
    int shift = p.has(LOAD_WINDOW_SHIFT) ? p.getInt(LOAD_WINDOW_SHIFT)
        : DEFAULTS.loadWindowShift();
    // models csched2_init(): a shift below the minimum is raised to it
    if (shift < Credit2Constants.LOADAVG_WINDOW_SHIFT_MIN) {
      shift = Credit2Constants.LOADAVG_WINDOW_SHIFT_MIN;
    }
    int under = p.has(BALANCE_UNDER) ? p.getInt(BALANCE_UNDER) : DEFAULTS.balanceUnder();
    int over = p.has(BALANCE_OVER) ? p.getInt(BALANCE_OVER) : DEFAULTS.balanceOver();
    return new Credit2Options(rq, resistUs * Time.NS_PER_US, shift, under, over);
  }
}
