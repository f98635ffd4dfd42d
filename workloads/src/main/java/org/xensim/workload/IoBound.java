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
 * {@code io}: an I/O-bound guest, closed loop. Woken at t = 0, it computes a {@code burst} (CPU
 * work), then blocks for {@code block} (waiting on its device), then computes the next burst.
 * Under contention a burst takes longer and the loop slows down; the block time does not change.
 * Each vCPU draws from its own streams {@code burst} and {@code block}.
 */
public final class IoBound extends WorkloadType {

  @Override
  public String type() {
    return "io";
  }

  @Override
  public String description() {
    return "compute a burst (work), block for a while (I/O wait), repeat";
  }

  @Override
  protected List<String> ownKeys() {
    return List.of("burst", "block");
  }

  @Override
  protected WorkloadFactory parseKeys(Fields f) {
    Distribution burst = Distributions.parse(f, "burst", true);
    Distribution block = Distributions.parse(f, "block", true);
    if (burst == null || block == null || !Distributions.requirePositiveMean(burst, f, "burst")) {
      return null;
    }
    return n -> {
      Workload[] w = new Workload[n];
      for (int i = 0; i < n; i++) {
        w[i] = new Loop(burst, block);
      }
      return w;
    };
  }

  /** One vCPU's burst / block loop. */
  static final class Loop implements Workload {
    private final Distribution burstDist;
    private final Distribution blockDist;
    private DurationSampler burst;
    private DurationSampler block;

    Loop(Distribution burst, Distribution block) {
      this.burstDist = burst;
      this.blockDist = block;
    }

    @Override
    public void start(Guest g) {
      burst = burstDist.sampler(g.random("burst"));
      block = blockDist.sampler(g.random("block"));
      g.setTimer(0);
    }

    @Override
    public void onTimer(Guest g) {
      g.addWork(Math.max(1, burst.sampleNs()));
      g.unblock();
    }

    @Override
    public void onWorkDone(Guest g) {
      g.block();
      g.setTimer(g.now() + block.sampleNs());
    }
  }
}
