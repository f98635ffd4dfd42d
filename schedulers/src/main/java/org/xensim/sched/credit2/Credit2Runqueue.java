package org.xensim.sched.credit2;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.List;

// models __runq_insert() of sched_credit2.c
/**
 * One runqueue; models {@code struct csched2_runqueue_data} and the list operations on it
 * ({@code sched_credit2.c:__runq_insert()}, {@code sched_credit2.c:__runq_remove()},
 * {@code __runq_assign()},
 * {@code __runq_deassign()}, {@code update_max_weight()}). Also keeps xensim's statistics of it.
 */
final class Credit2Runqueue {
  /** {@code id}: the runqueue index, or -1 while inactive. */
  int id = -1;
  /** {@code active}: its pCPUs. */
  final CpuMask active;
  /** {@code idle}: pCPUs whose last decision was idle. */
  final CpuMask idle;
  /** {@code tickled}: pCPUs tickled that have not run their pass yet. */
  final CpuMask tickled;
  /** {@code runq}: queued vCPUs by credit, highest first, FIFO among equals. */
  final List<Credit2Vcpu> runq = new ArrayList<>();
  /** {@code svc}: every assigned vCPU (running, queued or blocked), in assignment order. */
  final List<Credit2Vcpu> svc = new ArrayList<>();
  /** {@code unsigned int max_weight}. */
  int maxWeight;
  /** {@code int load}: assigned vCPUs that are queued, running or being switched out. */
  int load;
  /** {@code load_last_update}, in {@code now >> 10} units (0 at start, as xzalloc leaves it). */
  long loadLastUpdate;
  /** {@code avgload}. */
  long avgload;
  /** {@code b_avgload}: the balancer's copy, adjusted for assignments. */
  long bAvgload;

  // xensim statistics (not in Xen)
  long resets;
  long balanceCalls;
  long balancedIn;
  long balancedOut;
  /** Integral of {@link #load} over time, ns × vCPUs, for the time-weighted mean. */
  long loadIntegral;
  long loadIntegralAt;

  Credit2Runqueue(int nrCpus) {
    active = new CpuMask(nrCpus);
    idle = new CpuMask(nrCpus);
    tickled = new CpuMask(nrCpus);
  }

  /** Models {@code activate_runqueue()}: only max_weight and the lists start afresh. */
  void activate(int rqi) {
    maxWeight = 1;
    id = rqi;
    runq.clear();
    svc.clear();
  }

  /**
   * Models {@code sched_credit2.c:__runq_insert()} (with {@code runq_insert()}): before the
   * first element with strictly lower credit.
   *
   * @return the position it took
   */
  int runqInsert(Credit2Vcpu s) {
    assert !s.onRunq && !s.vcpu.isRunning() && !s.hasFlag(Credit2Constants.CSFLAG_SCHEDULED);
    int pos = 0;
    int n = runq.size();
    while (pos < n && s.credit <= runq.get(pos).credit) {
      pos++;
    }
    runq.add(pos, s);
    s.onRunq = true;
    return pos;
  }

  /** Models {@code sched_credit2.c:__runq_remove()}. */
  void runqRemove(Credit2Vcpu s) {
    assert s.onRunq;
    runq.remove(s);
    s.onRunq = false;
  }

  /** Models {@code __runq_assign()}. */
  void assign(Credit2Vcpu s) {
    s.rqd = this;
    svc.add(s);
    updateMaxWeight(s.weight, 0);
    // expected new load with this vCPU
    bAvgload += s.avgload;
  }

  /** Models {@code __runq_deassign()}; b_avgload may go negative (4.8 saturates it at 0). */
  void deassign(Credit2Vcpu s) {
    assert !s.onRunq && !s.hasFlag(Credit2Constants.CSFLAG_SCHEDULED);
    svc.remove(s);
    updateMaxWeight(0, s.weight);
    bAvgload -= s.avgload;
    s.rqd = null;
  }

  /** Models {@code update_max_weight()}. */
  void updateMaxWeight(int newWeight, int oldWeight) {
    if (newWeight > maxWeight) {
      maxWeight = newWeight;
    } else if (oldWeight == maxWeight) {
      int max = 1;
      for (int i = 0, n = svc.size(); i < n; i++) {
        int w = svc.get(i).weight;
        if (w > max) {
          max = w;
        }
      }
      maxWeight = max;
    }
  }

  /** Accumulates the time-weighted load up to {@code now} (xensim statistics). */
  void integrateLoad(long now) {
    if (now > loadIntegralAt) {
      loadIntegral += (now - loadIntegralAt) * load;
      loadIntegralAt = now;
    }
  }

  @Override
  public String toString() {
    return "rq" + id + active;
  }
}
