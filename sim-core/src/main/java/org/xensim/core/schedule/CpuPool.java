package org.xensim.core.schedule;

import org.xensim.core.host.CpuMask;
import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.host.Topology;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;

/** A cpupool: a set of pCPUs with its own scheduler instance (models {@code cpupool.c}). */
public final class CpuPool implements SchedContext {
  private final int id;
  private final String name;
  private final CpuMask cpus;
  private final SchedulerProvider provider;
  private final String xenVersion;
  private final GenericLayer layer;
  Scheduler scheduler;

  CpuPool(int id, String name, CpuMask cpus, SchedulerProvider provider, String xenVersion,
      GenericLayer layer) {
    this.id = id;
    this.name = name;
    this.cpus = cpus;
    this.provider = provider;
    this.xenVersion = xenVersion;
    this.layer = layer;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public SchedulerProvider provider() {
    return provider;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public long now() {
    return layer.sim.now();
  }

  @Override
  public int currentCpu() {
    return layer.sim.currentCpu();
  }

  @Override
  public String xenVersion() {
    return xenVersion;
  }

  @Override
  public Topology topology() {
    return layer.topology;
  }

  @Override
  public CpuMask poolCpus() {
    return cpus;
  }

  @Override
  public Timer newTimer(int cpu, Runnable handler) {
    return layer.sim.newTimer(cpu, handler);
  }

  @Override
  public void raiseScheduleSoftirq(int cpu) {
    layer.raiseScheduleSoftirq(cpu);
  }

  @Override
  public VCpu curr(int cpu) {
    return layer.pcpus[cpu].curr;
  }

  @Override
  public VCpu idleVcpu(int cpu) {
    return layer.pcpus[cpu].idle;
  }

  @Override
  public void vcpuPauseNosync(VCpu v) {
    layer.vcpuPauseNosync(v);
  }

  @Override
  public void vcpuUnpause(VCpu v) {
    layer.vcpuUnpause(v);
  }

  @Override
  public UniformRandomProvider random(String streamName) {
    return layer.sim.random(streamName);
  }

  @Override
  public void count(String counter, int cpu) {
    layer.listeners.onCounter(counter, cpu, layer.sim.now());
  }
}
