package org.xensim.core.testsched;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.TaskSlice;

/**
 * A minimal round-robin scheduler for testing the engine and the generic layer: one FIFO queue
 * per pool, fixed slices, a wake tickles every idle pCPU the vCPU may run on. Not a Xen
 * scheduler; lives in test sources only.
 */
public final class FifoScheduler implements Scheduler {
  private final SchedContext ctx;
  private final long sliceNs;
  private final ArrayDeque<VCpu> queue = new ArrayDeque<>();

  public FifoScheduler(SchedContext ctx, long sliceNs) {
    this.ctx = ctx;
    this.sliceNs = sliceNs;
  }

  @Override
  public void initPcpu(int cpu, VCpu idle) {}

  @Override
  public void insertVcpu(VCpu v) {}

  @Override
  public void sleep(VCpu v) {
    if (ctx.curr(v.processor()) == v) {
      ctx.raiseScheduleSoftirq(v.processor());
    } else {
      queue.remove(v);
    }
  }

  @Override
  public void wake(VCpu v) {
    if (ctx.curr(v.processor()) == v || queue.contains(v)) {
      return;
    }
    queue.addLast(v);
    var pool = ctx.poolCpus();
    for (int c = pool.nextSetBit(0); c >= 0; c = pool.nextSetBit(c + 1)) {
      if (ctx.curr(c).isIdle() && v.hardAffinity().get(c)) {
        ctx.raiseScheduleSoftirq(c);
      }
    }
  }

  @Override
  public void doSchedule(int cpu, long nowNs, boolean tasklet, TaskSlice out) {
    VCpu prev = ctx.curr(cpu);
    if (!prev.isIdle() && prev.isRunnable()) {
      queue.addLast(prev);
    }
    for (Iterator<VCpu> it = queue.iterator(); it.hasNext(); ) {
      VCpu v = it.next();
      if (v.hardAffinity().get(cpu) && (v == prev || !v.isRunning())) {
        it.remove();
        boolean migrated = v.processor() != cpu;
        v.setProcessor(cpu);
        out.set(v, sliceNs, migrated);
        return;
      }
    }
    out.set(ctx.idleVcpu(cpu), TaskSlice.NO_LIMIT, false);
  }

  @Override
  public int pickCpu(VCpu v) {
    var allowed = (org.xensim.core.host.CpuMask) v.hardAffinity().clone();
    allowed.and(ctx.poolCpus());
    return allowed.get(v.processor()) ? v.processor() : allowed.nextSetBit(0);
  }
}
