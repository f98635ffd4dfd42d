package org.xensim.workload.trace;

import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;

/**
 * Replays one vCPU's recorded rows (demand semantics, docs/workloads.md): a {@code wake} or
 * {@code work} row's amount is work that arrives at its time and wakes the vCPU; the vCPU blocks
 * once all work that has arrived is done. A {@code wake} without an amount opens a busy window:
 * the vCPU wants the CPU without pause until the next {@code block} row, where it blocks (work
 * rows inside a window are part of it; a vCPU preempted at the block blocks as soon as it runs
 * again). On an uncontended host the vCPU runs exactly as recorded; under contention work is
 * delayed, never lost, and windows keep their wall times.
 */
public final class DemandReplay implements Workload {
  private static final byte WAKE = (byte) DemandEvent.WAKE.ordinal();
  private static final byte WORK = (byte) DemandEvent.WORK.ordinal();
  private final VcpuDemand rows;
  private int next;
  private boolean window;

  public DemandReplay(VcpuDemand rows) {
    this.rows = rows;
  }

  @Override
  public void start(Guest g) {
    if (rows.size() > 0) {
      g.setTimer(rows.time(0));
    }
  }

  @Override
  public void onTimer(Guest g) {
    long now = g.now();
    while (next < rows.size() && rows.time(next) <= now) {
      byte e = rows.eventOrdinal(next);
      long amount = rows.amount(next);
      next++;
      if (e == WAKE || e == WORK) {
        if (amount < 0) {
          window = true;
          g.addWork(Long.MAX_VALUE);
        } else if (!window) {
          g.addWork(amount);
        }
        g.unblock();
      } else if (window) {
        window = false;
        g.dropWork(); // blocks in onWorkDone: now if running, else as soon as it runs
      }
    }
    if (next < rows.size()) {
      g.setTimer(rows.time(next));
    }
  }

  @Override
  public void onWorkDone(Guest g) {
    if (!window) {
      g.block();
    }
  }
}
