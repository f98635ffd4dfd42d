package org.xensim.sched.credit2;

import static org.xensim.sched.credit2.Credit2Constants.LOADAVG_GRANULARITY_SHIFT;

// models __update_runq_load()
/**
 * Runqueue and vCPU load averages; models {@code __update_runq_load()},
 * {@code __update_svc_load()} and {@code update_load()}. The arithmetic is C's unsigned 64-bit:
 * products wrap modulo 2^64 and the final shift is logical, so a negative {@code b_avgload}
 * turns into a huge value (spec §4.10, quirk §4.15.7).
 */
final class LoadTracker {
  private final int shift;
  /** {@code 1ULL << load_window_shift}: a load of 1.0. */
  private final long window;

  LoadTracker(int loadWindowShift) {
    this.shift = loadWindowShift;
    this.window = 1L << loadWindowShift;
  }

  /** 2^shift. */
  long window() {
    return window;
  }

  /** Models {@code __update_runq_load()}. */
  void updateRunqLoad(Credit2Runqueue rqd, int change, long now) {
    rqd.integrateLoad(now);
    long t = now >> LOADAVG_GRANULARITY_SHIFT;
    long scaledLoad = (long) rqd.load << shift;
    if (Long.compareUnsigned(rqd.loadLastUpdate + window, t) < 0) {
      rqd.avgload = scaledLoad;
      rqd.bAvgload = scaledLoad;
    } else {
      long delta = t - rqd.loadLastUpdate;
      rqd.avgload = (delta * scaledLoad + (window - delta) * rqd.avgload) >>> shift;
      rqd.bAvgload = (delta * scaledLoad + (window - delta) * rqd.bAvgload) >>> shift;
    }
    rqd.load += change;
    rqd.loadLastUpdate = t;
  }

  /**
   * Models {@code __update_svc_load()}: the vCPU's load over the elapsed interval was 1 if
   * {@code change} is -1, 0 if it is +1, else whether it is runnable now.
   */
  void updateSvcLoad(Credit2Vcpu svc, int change, long now) {
    int vcpuLoad;
    if (change == -1) {
      vcpuLoad = 1;
    } else if (change == 1) {
      vcpuLoad = 0;
    } else {
      vcpuLoad = svc.vcpu.isRunnable() ? 1 : 0;
    }
    long t = now >> LOADAVG_GRANULARITY_SHIFT;
    long scaledLoad = (long) vcpuLoad << shift;
    if (Long.compareUnsigned(svc.loadLastUpdate + window, t) < 0) {
      svc.avgload = scaledLoad;
    } else {
      long delta = t - svc.loadLastUpdate;
      svc.avgload = (delta * scaledLoad + (window - delta) * svc.avgload) >>> shift;
    }
    svc.loadLastUpdate = t;
  }

  /** Models {@code update_load()}: the runqueue, then the vCPU if given. */
  void updateLoad(Credit2Runqueue rqd, Credit2Vcpu svc, int change, long now) {
    updateRunqLoad(rqd, change, now);
    if (svc != null) {
      updateSvcLoad(svc, change, now);
    }
  }
}
