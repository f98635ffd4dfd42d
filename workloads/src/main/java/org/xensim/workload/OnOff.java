package org.xensim.workload;

import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.workload.dist.Distribution;
import org.xensim.workload.dist.Distributions;
import org.xensim.workload.dist.DurationSampler;

/**
 * {@code onoff}: alternating busy and idle phases in wall time, open loop. From t = 0 (or from
 * an idle phase with {@code start: off}) the guest wants the CPU throughout an {@code on} phase
 * (it busy-waits; under contention it gets less), then blocks for an {@code off} phase. Unlike
 * {@code io}, contention does not stretch the phases. A guest preempted when its on phase ends
 * blocks as soon as it runs again (only a running vCPU can block). Streams {@code on} and
 * {@code off}.
 */
public final class OnOff extends WorkloadType {

  @Override
  public String type() {
    return "onoff";
  }

  @Override
  public String description() {
    return "busy for an on phase, idle for an off phase (wall time), repeat";
  }

  @Override
  protected List<String> ownKeys() {
    return List.of("on", "off", "start");
  }

  @Override
  protected WorkloadFactory parseKeys(Fields f) {
    Distribution on = Distributions.parse(f, "on", true);
    Distribution off = Distributions.parse(f, "off", true);
    boolean startOn = startsOn(f);
    if (on == null || off == null || !Distributions.requirePositiveMean(on, f, "on")
        || !Distributions.requirePositiveMean(off, f, "off")) {
      return null;
    }
    return n -> {
      Workload[] w = new Workload[n];
      for (int i = 0; i < n; i++) {
        w[i] = new Phases(on, off, startOn);
      }
      return w;
    };
  }

  /** {@code start: on|off} (YAML 1.1 reads a bare on / off as true / false: both are fine). */
  private static boolean startsOn(Fields f) {
    com.fasterxml.jackson.databind.JsonNode n = f.get("start");
    if (n != null && n.isBoolean()) {
      return n.asBoolean();
    }
    return "on".equals(f.choice("start", "on", List.of("on", "off")));
  }

  /** One vCPU's phases. */
  static final class Phases implements Workload {
    private final Distribution onDist;
    private final Distribution offDist;
    private final boolean startOn;
    private DurationSampler on;
    private DurationSampler off;
    private boolean busy;

    Phases(Distribution on, Distribution off, boolean startOn) {
      this.onDist = on;
      this.offDist = off;
      this.startOn = startOn;
    }

    @Override
    public void start(Guest g) {
      on = onDist.sampler(g.random("on"));
      off = offDist.sampler(g.random("off"));
      g.setTimer(startOn ? 0 : off.sampleNs());
    }

    @Override
    public void onTimer(Guest g) {
      busy = !busy;
      if (busy) {
        g.addWork(Long.MAX_VALUE);
        g.unblock();
        g.setTimer(g.now() + on.sampleNs());
      } else {
        g.dropWork(); // blocks in onWorkDone: now if running, else when it next runs
        g.setTimer(g.now() + off.sampleNs());
      }
    }

    @Override
    public void onWorkDone(Guest g) {
      if (!busy) {
        g.block();
      }
    }
  }
}
