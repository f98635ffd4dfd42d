package org.xensim.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.time.Durations;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;

/**
 * {@code script}: exact steps for tests and teaching. {@code wake T} wakes the vCPU at absolute
 * time T; {@code run D} needs D of work, then blocks. A script starting with {@code run} is woken
 * at 0; after the last step the vCPU stays blocked.
 */
public final class Script extends WorkloadType {

  /** One step: a wake at an absolute time, or work to do. */
  record Step(boolean wake, long ns) {}

  @Override
  public String type() {
    return "script";
  }

  @Override
  public String description() {
    return "exact steps: \"wake T\" (absolute time) and \"run D\" (work, then block)";
  }

  @Override
  protected List<String> ownKeys() {
    return List.of("steps", "vcpu");
  }

  @Override
  protected WorkloadFactory parseKeys(Fields f) {
    JsonNode list = f.get("steps");
    int only = (int) f.integer("vcpu", -1, 0, 4095);
    if (list == null || !list.isArray() || list.isEmpty()) {
      f.problems().error(f.at("steps"), list, "a list of steps such as [\"wake 1ms\", \"run 1.5ms\"]");
      return null;
    }
    List<Step> steps = new ArrayList<>();
    // A wake before the previous one is already past, whatever the scheduler does. A wake that
    // falls inside the previous run (it cannot end before the previous wake plus its work) is
    // accepted and fires as soon as that run ends, when the vCPU blocks.
    long lastWake = 0;
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      String path = f.at("steps") + "[" + i + "]";
      String s = list.get(i).asText().trim();
      String[] parts = s.split("\\s+", 2);
      if (parts.length != 2 || !(parts[0].equals("wake") || parts[0].equals("run"))) {
        f.problems().error(path, s, "\"wake T\" or \"run D\" with a duration, e.g. \"run 1.5ms\"");
        ok = false;
        continue;
      }
      long ns;
      try {
        ns = Durations.parse(parts[1]);
      } catch (IllegalArgumentException e) {
        f.problems().error(path, s, Durations.EXPECTED + " after " + parts[0]);
        ok = false;
        continue;
      }
      boolean wake = parts[0].equals("wake");
      if (wake) {
        if (ns < lastWake) {
          f.problems().error(path, s, "a wake time not already past: at least "
              + org.xensim.core.time.Time.format(lastWake) + " (the previous wake)");
          ok = false;
        }
        lastWake = ns;
      }
      steps.add(new Step(wake, ns));
    }
    if (!ok) {
      return null;
    }
    List<Step> all = List.copyOf(steps);
    return n -> {
      if (only >= n) {
        throw new org.xensim.core.scenario.ScenarioException(f.at("vcpu") + ": " + only
            + " \u2014 expected a vCPU of the domain (0-" + (n - 1) + ")");
      }
      Workload[] w = new Workload[n];
      for (int v = 0; v < n; v++) {
        if (only < 0 || only == v) {
          w[v] = new Runner(all);
        }
      }
      return w;
    };
  }

  /** Plays the steps for one vCPU. */
  static final class Runner implements Workload {
    private final List<Step> steps;
    private int next;

    Runner(List<Step> steps) {
      this.steps = steps;
    }

    @Override
    public void start(Guest g) {
      Step first = steps.get(0);
      g.setTimer(first.wake() ? first.ns() : 0);
      if (first.wake()) {
        next = 1;
      }
    }

    @Override
    public void onTimer(Guest g) {
      if (next < steps.size() && !steps.get(next).wake()) {
        g.addWork(steps.get(next).ns());
        next++;
      }
      g.unblock();
    }

    @Override
    public void onWorkDone(Guest g) {
      g.block();
      if (next < steps.size() && steps.get(next).wake()) {
        g.setTimer(Math.max(steps.get(next).ns(), g.now()));
        next++;
      }
    }
  }
}
