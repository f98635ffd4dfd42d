package org.xensim.core.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.observe.SimListener;

/** A workload's handle on its vCPU, the guest-side view of Xen. */
public interface Guest {

  long now();

  VCpu vcpu();

  /** Adds CPU work (ns at full speed) to the current demand; {@link Long#MAX_VALUE} = endless. */
  void addWork(long workNs);

  /** Work left in the current demand. */
  long workRemaining();

  /**
   * Drops the work left in the current demand (a guest that stops busy-waiting). Unless the vCPU
   * has blocked, {@link Workload#onWorkDone} follows as soon as it runs (at once if it is
   * running): that is where a guest that was preempted when it decided to stop can block, since
   * only a running vCPU blocks.
   */
  void dropWork();

  /** Models {@code vcpu_unblock()}: an event for a blocked vCPU (no effect otherwise). */
  void unblock();

  /**
   * Models {@code vcpu_block()} by the running vCPU ({@code SCHEDOP_block}): call it only while
   * the vCPU runs (from {@link Workload#onWorkDone}, say), never for a runnable vCPU waiting for
   * a pCPU.
   */
  void block();

  /** Models {@code vcpu_yield()} by the running vCPU ({@code SCHEDOP_yield}). */
  void yield();

  /** Arms the vCPU's guest timer (a Xen timer) to call {@link Workload#onTimer} at {@code atNs}. */
  void setTimer(long atNs);

  void stopTimer();

  /**
   * A further guest timer (another Xen timer of this vCPU) that runs {@code action} on the
   * vCPU's processor, for workloads with more than one clock (job deadlines, guest ticks, a
   * server's arrivals). Create timers in {@link Workload#start}, not per event.
   */
  Timer newTimer(Runnable action);

  /** A random stream of this vCPU's own, named {@code <domain>.<vcpu>.<name>}. */
  UniformRandomProvider random(String name);

  /** Where job and request events are reported. */
  SimListener events();
}
