package org.xensim.core.observe;

import java.util.ArrayList;
import java.util.List;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;

/** Fans every event out to a list of listeners, in the order they were added. */
public final class Listeners implements SimListener {
  private SimListener[] all = new SimListener[0];

  public void add(SimListener l) {
    List<SimListener> list = new ArrayList<>(List.of(all));
    list.add(l);
    all = list.toArray(new SimListener[0]);
  }

  @Override
  public void onSchedule(int cpu, long now) {
    for (SimListener l : all) {
      l.onSchedule(cpu, now);
    }
  }

  @Override
  public void onIdleRepoll(int cpu, long now) {
    for (SimListener l : all) {
      l.onIdleRepoll(cpu, now);
    }
  }

  @Override
  public void onRun(int cpu, VCpu v, long sliceNs, long now) {
    for (SimListener l : all) {
      l.onRun(cpu, v, sliceNs, now);
    }
  }

  @Override
  public void onIdle(int cpu, long now) {
    for (SimListener l : all) {
      l.onIdle(cpu, now);
    }
  }

  @Override
  public void onContextSwitch(int cpu, VCpu prev, VCpu next, long costNs, long now) {
    for (SimListener l : all) {
      l.onContextSwitch(cpu, prev, next, costNs, now);
    }
  }

  @Override
  public void onWake(VCpu v, long now) {
    for (SimListener l : all) {
      l.onWake(v, now);
    }
  }

  @Override
  public void onBlock(VCpu v, long now) {
    for (SimListener l : all) {
      l.onBlock(v, now);
    }
  }

  @Override
  public void onMigrate(VCpu v, int from, int to, long now) {
    for (SimListener l : all) {
      l.onMigrate(v, from, to, now);
    }
  }

  @Override
  public void onRunstate(VCpu v, RunState from, RunState to, long now) {
    for (SimListener l : all) {
      l.onRunstate(v, from, to, now);
    }
  }

  @Override
  public void onWork(VCpu v, long workNs, long now) {
    for (SimListener l : all) {
      l.onWork(v, workNs, now);
    }
  }

  @Override
  public void onIpi(int fromCpu, int toCpu, long now) {
    for (SimListener l : all) {
      l.onIpi(fromCpu, toCpu, now);
    }
  }

  @Override
  public void onCounter(String counter, int cpu, long now) {
    for (SimListener l : all) {
      l.onCounter(counter, cpu, now);
    }
  }

  @Override
  public void onJobRelease(VCpu v, long deadline, long now) {
    for (SimListener l : all) {
      l.onJobRelease(v, deadline, now);
    }
  }

  @Override
  public void onJobDone(VCpu v, long responseNs, boolean missed, long now) {
    for (SimListener l : all) {
      l.onJobDone(v, responseNs, missed, now);
    }
  }

  @Override
  public void onDeadlineMiss(VCpu v, long deadline, long now) {
    for (SimListener l : all) {
      l.onDeadlineMiss(v, deadline, now);
    }
  }

  @Override
  public void onRequestDone(VCpu v, long responseNs, long now) {
    for (SimListener l : all) {
      l.onRequestDone(v, responseNs, now);
    }
  }

  @Override
  public void onMeasureStart(long now) {
    for (SimListener l : all) {
      l.onMeasureStart(now);
    }
  }

  @Override
  public void onEnd(long now) {
    for (SimListener l : all) {
      l.onEnd(now);
    }
  }
}
