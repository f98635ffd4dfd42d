package org.xensim.sched.credit2;

import org.xensim.core.host.CpuMask;
import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.sched.SchedContext;

// models csched2_init()
/**
 * Scheduler-wide state of one Credit2 instance; models {@code struct csched2_private}
 * ({@code csched2_init()}), plus the context and scratch masks the algorithms share.
 */
final class Credit2Private {
  /** Name of the random stream {@code cpumask_any()} draws from (spec §9 rule 9). */
  static final String CPUMASK_ANY_STREAM = "credit2.cpumask_any";

  final SchedContext ctx;
  final Credit2Options opts;
  /** {@code initialized}: pCPUs that joined this instance. */
  final CpuMask initialized;
  /** {@code runq_map[cpu]}: runqueue id of each pCPU, -1 if none. */
  final int[] runqMap;
  /** {@code active_queues}: ids of the active runqueues. */
  final CpuMask activeQueues;
  /** {@code rqd[]}, indexed by runqueue id. */
  final Credit2Runqueue[] rqd;
  /** {@code load_window_shift}. */
  final int loadWindowShift;
  private final UniformRandomProvider anyRng;
  /** {@code cpumask_scratch}: reused, never allocated on the hot path. */
  final CpuMask scratch;

  Credit2Private(SchedContext ctx, Credit2Options opts) {
    this.ctx = ctx;
    this.opts = opts;
    int n = ctx.topology().nrCpus();
    initialized = new CpuMask(n);
    runqMap = new int[n];
    java.util.Arrays.fill(runqMap, -1);
    activeQueues = new CpuMask(n);
    rqd = new Credit2Runqueue[n];
    for (int i = 0; i < n; i++) {
      rqd[i] = new Credit2Runqueue(n);
    }
    loadWindowShift = opts.loadWindowShift();
    anyRng = ctx.random(CPUMASK_ANY_STREAM);
    scratch = new CpuMask(n);
  }

  /** {@code RQD(ops, cpu)}: the runqueue of pCPU {@code cpu}. */
  Credit2Runqueue rqdOf(int cpu) {
    return rqd[runqMap[cpu]];
  }

  /** {@code CSCHED2_VCPU(v)}. */
  static Credit2Vcpu svc(VCpu v) {
    return (Credit2Vcpu) v.schedPriv();
  }

  /** {@code CSCHED2_VCPU(curr_on_cpu(cpu))}. */
  Credit2Vcpu currOn(int cpu) {
    return svc(ctx.curr(cpu));
  }

  /** {@code cpumask_any()} (random in 4.7), drawn from the named stream. */
  int cpumaskAny(CpuMask mask) {
    return CpuMasks.any(mask, anyRng);
  }
}
