package org.xensim.core.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.random.RandomStreams;

/**
 * One simulation: its clock, its event queue and its random streams. Single-threaded and free of
 * statics, so replications and sweep points run side by side in separate threads.
 */
public final class Simulation {
  private final EventQueue queue = new EventQueue();
  private final RandomStreams streams;
  private long now;
  private int currentCpu = -1;
  private long eventsFired;

  public Simulation(long seed, int replication) {
    this.streams = new RandomStreams(seed, replication);
  }

  /** {@code NOW()}. */
  public long now() {
    return now;
  }

  /** The pCPU whose timer or softirq is being handled ({@code smp_processor_id()}). */
  public int currentCpu() {
    return currentCpu;
  }

  /** Lets a handler say on which pCPU it executes (e.g. a guest wake on the vCPU's pCPU). */
  public void setCurrentCpu(int cpu) {
    this.currentCpu = cpu;
  }

  public Timer newTimer(int cpu, Runnable action) {
    return queue.newTimer(cpu, action);
  }

  public UniformRandomProvider random(String name) {
    return streams.stream(name);
  }

  public long eventsFired() {
    return eventsFired;
  }

  /** Fires every event due strictly before {@code endNs}, in order; the clock ends at endNs. */
  public void runUntil(long endNs) {
    EventQueue q = queue;
    while (q.peekTime() < endNs) {
      Timer t = q.peek();
      now = t.whenNs;
      q.advanceTo(now);
      currentCpu = t.cpu;
      eventsFired++;
      q.fireFirst();
    }
    if (endNs > now) {
      now = endNs;
    }
  }
}
