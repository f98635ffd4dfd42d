package org.xensim.core.sched;

import org.xensim.core.host.CpuMask;
import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.host.Topology;

/**
 * What a scheduler instance may see and do: the services Xen's schedulers get from
 * {@code schedule.c}, {@code timer.c} and {@code softirq.c}. A scheduler never reaches into the
 * engine otherwise.
 */
public interface SchedContext {

  /** {@code NOW()}. */
  long now();

  /** {@code smp_processor_id()}: the pCPU executing the current hook or timer handler. */
  int currentCpu();

  /** The Xen release modelled ({@code "4.7"}, {@code "4.6"}, ...). */
  String xenVersion();

  Topology topology();

  /** The pool's pCPUs ({@code cpupool->cpu_valid}); do not modify. */
  CpuMask poolCpus();

  /** Creates a timer on {@code cpu}'s timer heap ({@code init_timer}). */
  Timer newTimer(int cpu, Runnable handler);

  /**
   * Models {@code cpu_raise_softirq(cpu, SCHEDULE_SOFTIRQ)}: posts a coalesced scheduler pass on
   * {@code cpu} after the modelled IPI latency (none when {@code cpu} is the current pCPU).
   */
  void raiseScheduleSoftirq(int cpu);

  /** {@code per_cpu(schedule_data, cpu).curr}: the vCPU chosen to run on {@code cpu}. */
  VCpu curr(int cpu);

  /** {@code idle_vcpu[cpu]}. */
  VCpu idleVcpu(int cpu);

  /** Models {@code vcpu_pause_nosync()}: pause count + 1, then {@code vcpu_sleep_nosync()}. */
  void vcpuPauseNosync(VCpu v);

  /** Models {@code vcpu_unpause()}: pause count − 1; at zero, {@code vcpu_wake()}. */
  void vcpuUnpause(VCpu v);

  /** A named random stream, independent of every other name (e.g. {@code credit2.cpumask_any}). */
  UniformRandomProvider random(String name);

  /** Reports a scheduler-specific counter (e.g. {@code credit2.reset}) to the metrics. */
  void count(String counter, int cpu);
}
