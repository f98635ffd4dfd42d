package org.xensim.core.testsched;

import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.core.workload.WorkloadProvider;

/** Test-only workloads for sim-core, where the real ones (module workloads) are not visible. */
public final class TestWorkloads {
  private TestWorkloads() {}

  /** {@code test-hog}: woken at 0, endless work. */
  public static final class Hog implements Workload, WorkloadProvider {
    @Override
    public String type() {
      return "test-hog";
    }

    @Override
    public String description() {
      return "test hog";
    }

    @Override
    public List<String> keys() {
      return List.of();
    }

    @Override
    public WorkloadFactory parse(Fields f) {
      return n -> {
        Workload[] w = new Workload[n];
        java.util.Arrays.fill(w, new Hog());
        return w;
      };
    }

    @Override
    public void start(Guest g) {
      g.setTimer(0);
    }

    @Override
    public void onTimer(Guest g) {
      g.addWork(Long.MAX_VALUE);
      g.unblock();
    }

    @Override
    public void onWorkDone(Guest g) {}
  }

  /** {@code test-burst}: woken at {@code at}, runs {@code work}, blocks, repeats every {@code every}. */
  public static final class Burst implements WorkloadProvider {
    @Override
    public String type() {
      return "test-burst";
    }

    @Override
    public String description() {
      return "test burst";
    }

    @Override
    public List<String> keys() {
      return List.of("at", "work", "every");
    }

    @Override
    public WorkloadFactory parse(Fields f) {
      long at = f.duration("at", 0);
      long work = f.duration("work", 1_000_000);
      long every = f.duration("every", 0);
      return n -> {
        Workload[] w = new Workload[n];
        for (int i = 0; i < n; i++) {
          w[i] = new Workload() {
            long next = at;

            @Override
            public void start(Guest g) {
              g.setTimer(next);
            }

            @Override
            public void onTimer(Guest g) {
              g.addWork(work);
              g.unblock();
            }

            @Override
            public void onWorkDone(Guest g) {
              g.block();
              if (every > 0) {
                next += every;
                g.setTimer(Math.max(next, g.now()));
              }
            }
          };
        }
        return w;
      };
    }
  }

  /** A CPU hog woken at {@code wakeNs}: always runnable from then on. */
  public static Workload hog(long wakeNs) {
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
   * The contract's {@code script} workload as (wake, run) pairs in ns: wakes at each absolute
   * wake time, needs that run of work, then blocks.
   */
  public static Workload script(long... wakeRunPairs) {
    String[] steps = new String[wakeRunPairs.length];
    for (int i = 0; i < wakeRunPairs.length; i += 2) {
      steps[i] = "wake " + wakeRunPairs[i] + "ns";
      steps[i + 1] = "run " + wakeRunPairs[i + 1] + "ns";
    }
    return script(steps);
  }

  /**
   * The contract's {@code script} workload: {@code "wake T"} wakes at absolute T, {@code "run D"}
   * needs D of work and then blocks; a script starting with run is woken at 0.
   */
  public static Workload script(String... steps) {
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
          g.setTimer(org.xensim.core.time.Durations.parse(step.substring(5)));
        } else {
          g.setTimer(g.now());
        }
      }

      @Override
      public void onTimer(Guest g) {
        String step = s.get(pos++);
        g.addWork(org.xensim.core.time.Durations.parse(step.substring(4)));
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
