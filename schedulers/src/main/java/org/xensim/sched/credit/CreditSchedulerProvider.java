package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_DEFAULT_TSLICE_MS;
import static org.xensim.sched.credit.CreditConstants.CSCHED_DEFAULT_WEIGHT;
import static org.xensim.sched.credit.CreditConstants.MICROSECS_1;
import static org.xensim.sched.credit.CreditConstants.MILLISECS_1;
import static org.xensim.sched.credit.CreditConstants.SCHED_DEFAULT_RATELIMIT_US;
import static org.xensim.sched.credit.CreditConstants.XEN_SYSCTL_CSCHED_TSLICE_MAX;
import static org.xensim.sched.credit.CreditConstants.XEN_SYSCTL_CSCHED_TSLICE_MIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.ParamSpec.Scope;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.schedule.CpuPool;

// models csched_init()
/**
 * The Credit scheduler ({@code sched=credit}), Xen 4.7's default: registers Xen's
 * {@code sched_credit_def} and its parameters, with Xen's names, units, defaults and ranges.
 */
public final class CreditSchedulerProvider implements SchedulerProvider {
  public static final String NAME = "credit";

  static final String TSLICE = "sched_credit_tslice_ms";
  static final String RATELIMIT = "sched_ratelimit_us";
  static final String TICKLE_ONE_IDLE = "tickle_one_idle_cpu";
  static final String MIGRATION_DELAY = "vcpu_migration_delay";
  static final String SMT_POWER_SAVINGS = "sched_smt_power_savings";
  static final String WEIGHT = "weight";
  static final String CAP = "cap";

  private static final List<ParamSpec> PARAMS = List.of(
      ParamSpec.duration(TSLICE, Scope.POOL, MILLISECS_1, CSCHED_DEFAULT_TSLICE_MS,
          XEN_SYSCTL_CSCHED_TSLICE_MIN, XEN_SYSCTL_CSCHED_TSLICE_MAX, false,
          "time slice and accounting period (a tick every tslice/3)"),
      // Xen's valid range is 0 or 100..500000 us, but the boot value is used unchecked by the
      // boot pool (spec §2.14), so any int is accepted and the quirk is modelled.
      ParamSpec.duration(RATELIMIT, Scope.POOL, MICROSECS_1, SCHED_DEFAULT_RATELIMIT_US, 1,
          Integer.MAX_VALUE, true,
          "a vCPU runs at least this long before a wake can preempt it; 0 = off. Xen's range is "
              + "100-500000 us: Pool-0 uses an out-of-range boot value as given (4.7 quirk), "
              + "later pools 1000; at most 1000 x tslice_ms"),
      ParamSpec.bool(TICKLE_ONE_IDLE, Scope.POOL, true,
          "a wake pokes one idle pCPU (rotating) instead of all of them"),
      ParamSpec.duration(MIGRATION_DELAY, Scope.POOL, MICROSECS_1, 0, 1, 0xFFFF_FFFFL, true,
          "a vCPU switched out less than this long ago is cache-hot and not stolen"),
      ParamSpec.bool(SMT_POWER_SAVINGS, Scope.POOL, false,
          "pick_cpu packs vCPUs onto busy cores instead of spreading them"),
      ParamSpec.integer(WEIGHT, Scope.DOMAIN, CSCHED_DEFAULT_WEIGHT, 1, 65535,
          "relative share of CPU time, per vCPU that is active"),
      ParamSpec.integer(CAP, Scope.DOMAIN, 0, 0, 65534,
          "upper limit in percent of one pCPU for the whole domain; 0 = no cap"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String xenSource() {
    return "xen/common/sched_credit.c @ RELEASE-4.7.0";
  }

  @Override
  public List<String> versions() {
    return List.of("4.7");
  }

  @Override
  public List<ParamSpec> parameters() {
    return PARAMS;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.WEIGHT, Capability.CAP, Capability.SOFT_AFFINITY);
  }

  /**
   * Models {@code csched_init()} for the pool of {@code ctx}. The boot scheduler is Pool-0's
   * instance; with a context that is not a cpupool (unit tests) the instance counts as the boot
   * scheduler.
   */
  @Override
  public Scheduler create(SchedContext ctx, SchedParams params) {
    boolean bootScheduler = !(ctx instanceof CpuPool pool) || pool.id() == 0;
    int ratelimit = CreditPrivate.ratelimitSeenAtInit(
        (int) longOr(params, RATELIMIT, SCHED_DEFAULT_RATELIMIT_US), bootScheduler);
    CreditPrivate prv = new CreditPrivate(ctx.topology().nrCpus(),
        (int) longOr(params, TSLICE, CSCHED_DEFAULT_TSLICE_MS), ratelimit,
        !params.has(TICKLE_ONE_IDLE) || params.getBoolean(TICKLE_ONE_IDLE),
        (int) longOr(params, MIGRATION_DELAY, 0),
        params.has(SMT_POWER_SAVINGS) && params.getBoolean(SMT_POWER_SAVINGS));
    return new CreditScheduler(ctx, prv);
  }

  private static long longOr(SchedParams p, String name, long def) {
    return p.has(name) ? p.getLong(name) : def;
  }
}
