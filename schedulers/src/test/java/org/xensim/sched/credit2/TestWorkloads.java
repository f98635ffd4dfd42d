package org.xensim.sched.credit2;

import java.util.ArrayList;
import java.util.List;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;

/** Minimal workloads for driving the generic layer directly in tests. */
final class TestWorkloads {
  private TestWorkloads() {}

  /** Always runnable once woken at {@code wakeAt}. */
  static Workload hog(long wakeAt) {
    return new Workload() {
      @Override
      public void start(Guest g) {
        g.setTimer(wakeAt);
      }

      @Override
      public void onTimer(Guest g) {
        g.addWork(Long.MAX_VALUE);
        g.unblock();
      }

      @Override
      public void onWorkDone(Guest g) {
        g.addWork(Long.MAX_VALUE);
      }
    };
  }

  /**
   * The contract's {@code script} workload: {@code "wake T"} (absolute ns) and {@code "run D"}
   * steps given as pairs; a script that starts with run is woken at 0.
   */
  static Workload script(long... wakeRunPairs) {
    List<long[]> steps = new ArrayList<>();
    for (int i = 0; i < wakeRunPairs.length; i += 2) {
      steps.add(new long[] {wakeRunPairs[i], wakeRunPairs[i + 1]});
    }
    return new Workload() {
      int next;

      @Override
      public void start(Guest g) {
        if (!steps.isEmpty()) {
          g.setTimer(steps.get(0)[0]);
        }
      }

      @Override
      public void onTimer(Guest g) {
        g.addWork(steps.get(next)[1]);
        next++;
        g.unblock();
      }

      @Override
      public void onWorkDone(Guest g) {
        g.block();
        if (next < steps.size()) {
          g.setTimer(steps.get(next)[0]);
        }
      }
    };
  }
}
