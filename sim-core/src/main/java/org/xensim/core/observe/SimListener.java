package org.xensim.core.observe;

import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;

/**
 * Receives what happens in a simulation, in simulation order, with primitive arguments so that
 * nothing is allocated per event. Metrics and the trace writer are listeners.
 */
public interface SimListener {

  /** The scheduler's {@code do_schedule} was called on {@code cpu}. */
  default void onSchedule(int cpu, long now) {}

  /**
   * The scheduler's {@code do_schedule} was called on idle {@code cpu} only because its idle
   * re-poll slice ended (4.6 RTDS, spec §10.1); counted apart from {@link #onSchedule}.
   */
  default void onIdleRepoll(int cpu, long now) {}

  /** {@code v} starts running on {@code cpu} with a slice of {@code sliceNs} (negative = none). */
  default void onRun(int cpu, VCpu v, long sliceNs, long now) {}

  /** {@code cpu} switches to its idle vCPU. */
  default void onIdle(int cpu, long now) {}

  /** A context switch on {@code cpu} from {@code prev} to {@code next} (either may be idle). */
  default void onContextSwitch(int cpu, VCpu prev, VCpu next, long costNs, long now) {}

  /** {@code vcpu_wake()} made {@code v} runnable. */
  default void onWake(VCpu v, long now) {}

  /** {@code v} blocked ({@code vcpu_block()}). */
  default void onBlock(VCpu v, long now) {}

  /** {@code v} starts running on {@code to} after last running on {@code from}. */
  default void onMigrate(VCpu v, int from, int to, long now) {}

  /** A runstate change of a non-idle vCPU. */
  default void onRunstate(VCpu v, RunState from, RunState to, long now) {}

  /** {@code v} did {@code workNs} of work (ns at full speed) up to {@code now}. */
  default void onWork(VCpu v, long workNs, long now) {}

  /** A schedule softirq was raised on a remote pCPU (an IPI). */
  default void onIpi(int fromCpu, int toCpu, long now) {}

  /** A scheduler-specific counter ({@link org.xensim.core.sched.SchedContext#count}). */
  default void onCounter(String counter, int cpu, long now) {}

  /** A real-time job of {@code v}'s workload was released. */
  default void onJobRelease(VCpu v, long deadline, long now) {}

  /** A job completed; {@code responseNs} from release to completion. */
  default void onJobDone(VCpu v, long responseNs, boolean missed, long now) {}

  /** A job passed its deadline unfinished. */
  default void onDeadlineMiss(VCpu v, long deadline, long now) {}

  /**
   * A request of a server workload was served by {@code v}; {@code responseNs} from its arrival
   * in the domain's queue to the end of its service.
   */
  default void onRequestDone(VCpu v, long responseNs, long now) {}

  /** The warm-up is over: measuring starts at {@code now}. */
  default void onMeasureStart(long now) {}

  /** The run ends at {@code now}. */
  default void onEnd(long now) {}
}
