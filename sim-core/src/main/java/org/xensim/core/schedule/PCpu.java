package org.xensim.core.schedule;

import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.sched.TaskSlice;

/** Per-pCPU state of the generic layer: Xen's {@code struct schedule_data} plus work progress. */
final class PCpu {
  final int id;
  CpuPool pool;
  VCpu idle;
  /** {@code schedule_data.curr}. */
  VCpu curr;
  /** {@code schedule_data.s_timer}: the slice timer. */
  Timer sliceTimer;
  /** The pending schedule softirq, as an event (spec §9 rule 2). */
  Timer softirq;
  boolean softirqPending;
  /** The armed slice is an idle re-poll interval ({@link TaskSlice#idleRepoll}). */
  boolean repollSlice;
  /** The pending pass was raised only by the expiry of an idle re-poll slice. */
  boolean repollPass;
  final TaskSlice slice = new TaskSlice();

  /** The vCPU whose work is progressing here, or null. */
  VCpu progressing;
  long progressStart;
  double rate = 1.0;
  /** Fires when {@link #progressing} finishes its current demand. */
  Timer workDone;

  /** With a context-switch cost: the vCPU awaiting {@code context_saved}. */
  VCpu switchingOut;
  Timer contextSaved;

  PCpu(int id) {
    this.id = id;
  }
}
