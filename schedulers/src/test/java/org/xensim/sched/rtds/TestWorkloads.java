package org.xensim.sched.rtds;

import java.util.List;
import org.xensim.core.time.Durations;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;

/** Minimal workloads for driving the generic layer directly in tests. */
final class TestWorkloads {
  private TestWorkloads() {}

  /** A CPU hog woken at {@code wakeNs}: always runnable from then on. */
  static Workload hog(long wakeNs) {
    return new Workload() {
      @Override
      public void start(Guest g) {
        g.setTimer(wakeNs);
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
   * The contract's {@code script} workload: {@code "wake T"} wakes at absolute T, {@code "run D"}
   * needs D of work and then blocks; a script starting with run is woken at 0.
   */
  static Workload script(String... steps) {
    List<String> s = List.of(steps);
    return new Workload() {
      private int pos;

      @Override
      public void start(Guest g) {
        armWake(g);
      }

      private void armWake(Guest g) {
        if (pos >= s.size()) {
          return;
        }
        String step = s.get(pos);
        if (step.startsWith("wake ")) {
          pos++;
          g.setTimer(Durations.parse(step.substring(5)));
        } else {
          g.setTimer(g.now());
        }
      }

      @Override
      public void onTimer(Guest g) {
        String step = s.get(pos++);
        g.addWork(Durations.parse(step.substring(4)));
        g.unblock();
      }

      @Override
      public void onWorkDone(Guest g) {
        g.block();
        armWake(g);
      }
    };
  }
}
