package org.xensim.core.sched;

import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;

/**
 * One CPU-scheduling algorithm instance for one cpupool; mirrors Xen's {@code struct scheduler}.
 * The generic layer ({@code schedule.c}) calls these hooks; a hook Xen's scheduler lacks keeps
 * the default, which behaves as {@code SCHED_OP} does for a missing hook (nothing happens).
 */
public interface Scheduler {

  /**
   * Models {@code init_pdata} (and {@code alloc_vdata} of the pCPU's idle vCPU): pCPU {@code cpu}
   * joins this scheduler. Called at t = 0 for the pool's pCPUs in ascending order.
   */
  void initPcpu(int cpu, VCpu idle);

  /** Models the {@code insert_vcpu} hook: a new vCPU (not runnable yet) joins the scheduler. */
  void insertVcpu(VCpu v);

  /** Models the {@code remove_vcpu} hook. */
  default void removeVcpu(VCpu v) {}

  /** Models the {@code sleep} hook, called by {@code vcpu_sleep_nosync()}. */
  void sleep(VCpu v);

  /** Models the {@code wake} hook, called by {@code vcpu_wake()}. */
  void wake(VCpu v);

  /** Models the {@code yield} hook; Credit2 and RTDS have none. */
  default void yield(VCpu v) {}

  /** Models the {@code context_saved} hook; Credit has none. */
  default void contextSaved(VCpu v) {}

  /**
   * Models the {@code do_schedule} hook on pCPU {@code cpu} at {@code nowNs}: fills {@code out}
   * with the next vCPU (the pCPU's idle vCPU for none), its slice and whether it migrated.
   */
  void doSchedule(int cpu, long nowNs, boolean taskletWorkScheduled, TaskSlice out);

  /** Models the {@code pick_cpu} hook, called by {@code vcpu_migrate()}. */
  int pickCpu(VCpu v);

  /**
   * Models the {@code migrate} hook (Credit2 only); without one, {@code vcpu_migrate()} simply
   * sets {@code v->processor}.
   */
  default void migrate(VCpu v, int newCpu) {
    v.setProcessor(newCpu);
  }

  /** Models the {@code adjust} hook (per-domain parameters, {@code xl sched-*}). */
  default void adjust(Domain d, SchedParams params) {}

  /**
   * Not a Xen hook: the warm-up is over and measuring starts at {@code nowNs}; counts that
   * {@link #summary()} reports should cover [nowNs, end) only. Called once per run (at 0 without
   * warm-up).
   */
  default void measureStart(long nowNs) {}

  /** Scheduler-specific figures for {@code summary.json} (e.g. Credit2 runqueues); may be empty. */
  default java.util.Map<String, Object> summary() {
    return java.util.Map.of();
  }
}
