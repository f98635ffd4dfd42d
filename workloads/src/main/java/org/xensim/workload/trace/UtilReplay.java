package org.xensim.workload.trace;

import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;

/**
 * Replays a utilisation series on one vCPU as demand ({@link UtilChunks}): each chunk's work
 * arrives at its time and wakes the vCPU, which blocks when all work that has arrived is done.
 * The phase is fixed, or drawn per vCPU (stream {@code trace.phase}) so that VMs replayed side
 * by side do not wake in lock-step.
 */
public final class UtilReplay implements Workload {
  private final UtilSeries series;
  private final long quantum;
  /** The chunks' offset, or -1 to draw it at start. */
  private final long phase;
  private UtilChunks chunks;

  public UtilReplay(UtilSeries series, long quantum, long phase) {
    this.series = series;
    this.quantum = quantum;
    this.phase = phase;
  }

  @Override
  public void start(Guest g) {
    long p = phase >= 0 ? phase : g.random("trace.phase").nextLong(quantum);
    chunks = new UtilChunks(series, quantum, p);
    if (chunks.hasNext()) {
      g.setTimer(chunks.time());
    }
  }

  @Override
  public void onTimer(Guest g) {
    g.addWork(chunks.work());
    g.unblock();
    chunks.advance();
    if (chunks.hasNext()) {
      g.setTimer(chunks.time());
    }
  }

  @Override
  public void onWorkDone(Guest g) {
    g.block();
  }
}
