package org.xensim.workload;

import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;

/** {@code cpu-hog}: woken at t = 0 and always runnable from then on. */
public final class CpuHog extends WorkloadType implements Workload {

  @Override
  public String type() {
    return "cpu-hog";
  }

  @Override
  public String description() {
    return "always runnable once woken at t = 0 (a CPU-bound guest)";
  }

  @Override
  protected List<String> ownKeys() {
    return List.of();
  }

  @Override
  protected WorkloadFactory parseKeys(Fields fields) {
    return n -> {
      Workload[] w = new Workload[n];
      java.util.Arrays.fill(w, new CpuHog());
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
  public void onWorkDone(Guest g) {
    // endless demand never completes
  }
}
