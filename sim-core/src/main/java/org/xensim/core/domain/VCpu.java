package org.xensim.core.domain;

import org.xensim.core.host.CpuMask;
import org.xensim.core.sched.SchedParams;

/**
 * A virtual CPU, with the fields of Xen's {@code struct vcpu} that scheduling uses. Schedulers
 * keep their private per-vCPU data in arrays indexed by {@link #id()} (Xen's {@code sched_priv}).
 */
public final class VCpu {
  /** Pause flag: waiting for an event ({@code _VPF_blocked}). */
  public static final int VPF_BLOCKED = 1;
  /** Pause flag: vCPU offline ({@code _VPF_down}). */
  public static final int VPF_DOWN = 1 << 1;
  /** Pause flag: must be moved by {@code vcpu_migrate()} ({@code _VPF_migrating}). */
  public static final int VPF_MIGRATING = 1 << 2;

  private final int id;
  private final Domain domain;
  private final int vcpuId;
  private final CpuMask hardAffinity;
  private final CpuMask softAffinity;
  private final SchedParams params;

  private int processor;
  private boolean running;
  private int pauseFlags;
  private int pauseCount;
  private RunState runstate = RunState.BLOCKED;
  private long stateEntryTime;
  private final long[] runstateTime = new long[RunState.values().length];
  private long lastRunTime;

  /** Work still to do in the current demand, ns at full speed; {@link Long#MAX_VALUE} = endless. */
  private long workRemaining;
  /** The pCPU the vCPU last ran on, or -1: distinguishes a migration from a re-run. */
  private int lastRunCpu = -1;

  private Object schedPriv;

  public VCpu(int id, Domain domain, int vcpuId, int processor, CpuMask hard, CpuMask soft,
      SchedParams params) {
    this.id = id;
    this.domain = domain;
    this.vcpuId = vcpuId;
    this.processor = processor;
    this.hardAffinity = hard;
    this.softAffinity = soft;
    this.params = params;
    domain.addVcpu(this);
  }

  /** Dense index over all vCPUs of the simulation, idle vCPUs included. */
  public int id() {
    return id;
  }

  public Domain domain() {
    return domain;
  }

  /** Index of this vCPU in its domain ({@code v->vcpu_id}). */
  public int vcpuId() {
    return vcpuId;
  }

  public boolean isIdle() {
    return domain.isIdle();
  }

  /** Per-vCPU scheduler parameters (RTDS {@code period} / {@code budget}); may be empty. */
  public SchedParams params() {
    return params;
  }

  /** {@code v->processor}. */
  public int processor() {
    return processor;
  }

  public void setProcessor(int cpu) {
    this.processor = cpu;
  }

  /** {@code v->is_running}: chosen by schedule() and not yet through context_saved(). */
  public boolean isRunning() {
    return running;
  }

  public void setRunning(boolean running) {
    this.running = running;
  }

  /** Models {@code vcpu_runnable()}: no pause flag and a zero pause count. */
  public boolean isRunnable() {
    return pauseFlags == 0 && pauseCount == 0;
  }

  public boolean hasPauseFlag(int flag) {
    return (pauseFlags & flag) != 0;
  }

  public void setPauseFlag(int flag) {
    pauseFlags |= flag;
  }

  /** Clears {@code flag} and says whether it was set ({@code test_and_clear_bit}). */
  public boolean testAndClearPauseFlag(int flag) {
    boolean was = (pauseFlags & flag) != 0;
    pauseFlags &= ~flag;
    return was;
  }

  public int pauseCount() {
    return pauseCount;
  }

  public void incrementPauseCount() {
    pauseCount++;
  }

  /** Decrements the pause count and says whether it reached zero. */
  public boolean decrementPauseCount() {
    return --pauseCount == 0;
  }

  public CpuMask hardAffinity() {
    return hardAffinity;
  }

  public CpuMask softAffinity() {
    return softAffinity;
  }

  public RunState runstate() {
    return runstate;
  }

  public long stateEntryTime() {
    return stateEntryTime;
  }

  /** Cumulative time in {@code state} up to the last runstate change. */
  public long runstateTime(RunState state) {
    return runstateTime[state.ordinal()];
  }

  /**
   * Models {@code vcpu_runstate_change()}: charges the time since the last change to the old
   * state, then switches.
   */
  public RunState changeRunstate(RunState next, long now) {
    RunState prev = runstate;
    long delta = now - stateEntryTime;
    if (delta > 0) {
      runstateTime[prev.ordinal()] += delta;
      stateEntryTime = now;
    }
    runstate = next;
    return prev;
  }

  /** {@code v->last_run_time}: when it was last switched out. */
  public long lastRunTime() {
    return lastRunTime;
  }

  public void setLastRunTime(long t) {
    this.lastRunTime = t;
  }

  public int lastRunCpu() {
    return lastRunCpu;
  }

  public void setLastRunCpu(int cpu) {
    this.lastRunCpu = cpu;
  }

  /** Work left in the current demand, ns at full speed; {@link Long#MAX_VALUE} = endless. */
  public long workRemaining() {
    return workRemaining;
  }

  public void setWorkRemaining(long ns) {
    this.workRemaining = ns;
  }

  /** The scheduler's private per-vCPU object ({@code sched_priv}). */
  public Object schedPriv() {
    return schedPriv;
  }

  public void setSchedPriv(Object priv) {
    this.schedPriv = priv;
  }

  @Override
  public String toString() {
    return isIdle() ? "idle" + vcpuId : domain.name() + "." + vcpuId;
  }
}
