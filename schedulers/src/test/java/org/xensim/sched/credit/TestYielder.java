package org.xensim.sched.credit;

import java.util.ArrayList;
import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.core.workload.WorkloadProvider;
import org.xensim.core.workload.WorkloadRegistry;

/**
 * Test-only workload {@code test-yielder}: woken at 0, it runs {@code work} and then yields
 * ({@code SCHEDOP_yield}), forever. Registered with {@link #registry()}, not with ServiceLoader.
 */
final class TestYielder implements WorkloadProvider {

  /** The installed workload types plus this one. */
  static WorkloadRegistry registry() {
    List<WorkloadProvider> all = new ArrayList<>(WorkloadRegistry.load().all());
    all.add(new TestYielder());
    return new WorkloadRegistry(all);
  }

  @Override
  public String type() {
    return "test-yielder";
  }

  @Override
  public String description() {
    return "runs work, then yields, forever (tests)";
  }

  @Override
  public List<String> keys() {
    return List.of("work");
  }

  @Override
  public WorkloadFactory parse(Fields f) {
    long work = f.duration("work", 1_000_000);
    return n -> {
      Workload[] w = new Workload[n];
      for (int i = 0; i < n; i++) {
        w[i] = new Workload() {
          @Override
          public void start(Guest g) {
            g.setTimer(0);
          }

          @Override
          public void onTimer(Guest g) {
            g.addWork(work);
            g.unblock();
          }

          @Override
          public void onWorkDone(Guest g) {
            g.addWork(work);
            g.yield();
          }
        };
      }
      return w;
    };
  }
}
