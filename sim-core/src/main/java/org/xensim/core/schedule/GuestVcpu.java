package org.xensim.core.schedule;

import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.observe.SimListener;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;

/** Connects one vCPU's workload to the generic layer: the guest side of the hypercalls. */
final class GuestVcpu implements Guest {
  private final GenericLayer layer;
  private final VCpu vcpu;
  private final Workload workload;
  /** The guest timer: wakes are Xen timers (spec §9 rule 1). */
  private final Timer timer;
  /** The pCPU where this vCPU's work is progressing, or null. */
  PCpu progressOn;

  GuestVcpu(GenericLayer layer, VCpu vcpu, Workload workload) {
    this.layer = layer;
    this.vcpu = vcpu;
    this.workload = workload;
    this.timer = layer.sim.newTimer(-1, this::timerFired);
  }

  void start() {
    if (workload != null) {
      workload.start(this);
    }
  }

  private void timerFired() {
    // A guest wake runs on the vCPU's processor (spec §2.13).
    layer.sim.setCurrentCpu(vcpu.processor());
    workload.onTimer(this);
  }

  void workDone() {
    workload.onWorkDone(this);
  }

  @Override
  public long now() {
    return layer.sim.now();
  }

  @Override
  public VCpu vcpu() {
    return vcpu;
  }

  @Override
  public void addWork(long workNs) {
    layer.addWork(vcpu, workNs);
  }

  @Override
  public long workRemaining() {
    return vcpu.workRemaining();
  }

  @Override
  public void dropWork() {
    layer.dropWork(vcpu);
  }

  @Override
  public void unblock() {
    layer.vcpuUnblock(vcpu);
  }

  @Override
  public void block() {
    layer.vcpuBlock(vcpu);
  }

  @Override
  public void yield() {
    layer.vcpuYield(vcpu);
  }

  @Override
  public void setTimer(long atNs) {
    timer.set(atNs);
  }

  @Override
  public void stopTimer() {
    timer.stop();
  }

  @Override
  public Timer newTimer(Runnable action) {
    return layer.sim.newTimer(-1, () -> {
      layer.sim.setCurrentCpu(vcpu.processor());
      action.run();
    });
  }

  @Override
  public UniformRandomProvider random(String name) {
    return layer.sim.random(vcpu.domain().name() + "." + vcpu.vcpuId() + "." + name);
  }

  @Override
  public SimListener events() {
    return layer.listeners;
  }
}
