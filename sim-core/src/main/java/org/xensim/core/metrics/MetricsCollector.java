package org.xensim.core.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;

/**
 * Folds the event stream into per-vCPU, per-pCPU and host figures over the measured time
 * [warm-up end, run end). Memory is bounded: counters and fixed-size histograms only.
 */
public final class MetricsCollector implements SimListener {
  private final int firstVcpuId;
  private final VcpuStats[] vcpus;
  private final PcpuStats[] pcpus;
  private final Map<String, Long> counters = new TreeMap<>();
  private long measureFrom = Long.MAX_VALUE;
  private long ipis;

  /**
   * @param nrPcpus pCPUs of the host
   * @param firstVcpuId id of the first guest vCPU (idle vCPUs come first)
   * @param nrVcpus guest vCPUs
   */
  public MetricsCollector(int nrPcpus, int firstVcpuId, int nrVcpus) {
    this.firstVcpuId = firstVcpuId;
    vcpus = new VcpuStats[nrVcpus];
    for (int i = 0; i < nrVcpus; i++) {
      vcpus[i] = new VcpuStats();
    }
    pcpus = new PcpuStats[nrPcpus];
    for (int i = 0; i < nrPcpus; i++) {
      pcpus[i] = new PcpuStats();
    }
  }

  public VcpuStats vcpu(VCpu v) {
    return vcpus[v.id() - firstVcpuId];
  }

  public PcpuStats pcpu(int cpu) {
    return pcpus[cpu];
  }

  public long ipis() {
    return ipis;
  }

  /** Scheduler-specific counters by name, summed over pCPUs. */
  public Map<String, Long> counters() {
    return counters;
  }

  private boolean measuring(long now) {
    return now >= measureFrom;
  }

  private long clipped(long from, long to) {
    long start = Math.max(from, measureFrom);
    return to > start ? to - start : 0;
  }

  @Override
  public void onMeasureStart(long now) {
    measureFrom = now;
  }

  @Override
  public void onSchedule(int cpu, long now) {
    if (measuring(now)) {
      pcpus[cpu].scheduleCalls++;
    }
  }

  @Override
  public void onIdleRepoll(int cpu, long now) {
    if (measuring(now)) {
      pcpus[cpu].idleRepolls++;
    }
  }

  @Override
  public void onContextSwitch(int cpu, VCpu prev, VCpu next, long costNs, long now) {
    PcpuStats p = pcpus[cpu];
    if (measuring(now)) {
      p.contextSwitches++;
      p.overheadNs += costNs;
    }
    long spent = clipped(p.since, now);
    if (p.busy) {
      p.busyNs += spent;
    } else {
      p.idleNs += spent;
    }
    p.busy = !next.isIdle();
    p.since = now;
  }

  @Override
  public void onRunstate(VCpu v, RunState from, RunState to, long now) {
    VcpuStats s = vcpu(v);
    s.stateNs[from.ordinal()] += clipped(s.stateEntry, now);
    s.stateEntry = now;
    if (!measuring(now)) {
      if (to == RunState.RUNNING) {
        s.pendingWake = -1;
      }
      return;
    }
    if (from == RunState.RUNNING && to == RunState.RUNNABLE) {
      s.preemptions++;
    }
    if (to == RunState.RUNNING && s.pendingWake >= 0) {
      s.wakeLatency.recordValue(now - s.pendingWake);
      s.pendingWake = -1;
    }
  }

  @Override
  public void onWake(VCpu v, long now) {
    VcpuStats s = vcpu(v);
    if (v.runstate() == RunState.RUNNING) {
      if (measuring(now)) {
        s.wakeLatency.recordValue(0);
      }
    } else {
      s.pendingWake = measuring(now) ? now : -1;
    }
  }

  @Override
  public void onMigrate(VCpu v, int from, int to, long now) {
    if (measuring(now)) {
      vcpu(v).migrations++;
    }
  }

  @Override
  public void onWork(VCpu v, long workNs, long now) {
    if (measuring(now)) {
      vcpu(v).workNs += workNs;
    }
  }

  @Override
  public void onIpi(int fromCpu, int toCpu, long now) {
    if (measuring(now)) {
      ipis++;
      pcpus[toCpu].ipisReceived++;
    }
  }

  @Override
  public void onCounter(String counter, int cpu, long now) {
    if (measuring(now)) {
      counters.merge(counter, 1L, Long::sum);
    }
  }

  @Override
  public void onJobDone(VCpu v, long responseNs, boolean missed, long now) {
    if (measuring(now)) {
      VcpuStats s = vcpu(v);
      s.jobs++;
      if (s.jobResponse == null) {
        s.jobResponse = new Histogram(3);
      }
      s.jobResponse.recordValue(responseNs);
    }
  }

  @Override
  public void onRequestDone(VCpu v, long responseNs, long now) {
    if (measuring(now)) {
      VcpuStats s = vcpu(v);
      s.requests++;
      if (s.requestResponse == null) {
        s.requestResponse = new Histogram(3);
      }
      s.requestResponse.recordValue(responseNs);
    }
  }

  @Override
  public void onDeadlineMiss(VCpu v, long deadline, long now) {
    if (measuring(now)) {
      vcpu(v).deadlineMisses++;
    }
  }

  /** Closes every open interval at the end of the run. */
  @Override
  public void onEnd(long now) {
    for (PcpuStats p : pcpus) {
      long spent = clipped(p.since, now);
      if (p.busy) {
        p.busyNs += spent;
      } else {
        p.idleNs += spent;
      }
      p.since = now;
    }
  }

  /** Closes {@code v}'s current runstate interval at the end of the run. */
  public void closeVcpu(VCpu v, long now) {
    VcpuStats s = vcpu(v);
    s.stateNs[v.runstate().ordinal()] += clipped(s.stateEntry, now);
    s.stateEntry = now;
  }
}
