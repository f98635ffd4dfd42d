package org.xensim.workload;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.observe.SimListener;
import org.xensim.core.scenario.Fields;
import org.xensim.core.time.Time;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;

/**
 * Guest timer ticks, an option of every workload type ({@code hz: 250}): a guest kernel with a
 * periodic tick (no tickless idle) gets a timer interrupt every {@code 1/hz}; on an idle
 * (blocked) vCPU it is a {@code vcpu_unblock()} followed by {@code tick_cost} of work and a
 * block again (spec §2.13); on a busy vCPU the handler's {@code tick_cost} is added to the work
 * in hand. These brief wakes are what earns an idle vCPU Credit's BOOST priority.
 *
 * <p>Keys: {@code hz} (1–10000; absent = no ticks), {@code tick_cost} (default 5us, below the
 * tick period), {@code tick_phase} (the first tick's time, below the tick period; default drawn
 * per vCPU from its stream {@code tick}, so guests do not tick in lock-step).
 */
public final class GuestTicks {
  /** The keys every type accepts for ticks. */
  public static final List<String> KEYS = List.of("hz", "tick_cost", "tick_phase");
  static final long DEFAULT_COST_NS = Time.us(5);
  private static final GuestTicks NONE = new GuestTicks(0, 0, -1);

  private final long periodNs;
  private final long costNs;
  /** The first tick's time, or -1 for a phase drawn per vCPU. */
  private final long phaseNs;

  GuestTicks(long periodNs, long costNs, long phaseNs) {
    this.periodNs = periodNs;
    this.costNs = costNs;
    this.phaseNs = phaseNs;
  }

  /** The tick option of a workload mapping: {@code NONE} without {@code hz}, null if bad. */
  static GuestTicks parse(Fields f) {
    long hz = f.integer("hz", 0, 1, 10_000);
    if (!f.has("hz")) {
      if (f.has("tick_cost") || f.has("tick_phase")) {
        f.problems().error(f.at("hz"), null, "the tick rate (e.g. hz: 250) when tick_cost or "
            + "tick_phase is given");
        return null;
      }
      return NONE;
    }
    if (hz == 0) {
      return null;
    }
    long period = Math.round(1e9 / hz);
    long cost = f.duration("tick_cost", DEFAULT_COST_NS);
    long phase = f.duration("tick_phase", -1);
    boolean ok = true;
    if (cost <= 0 || cost >= period) {
      f.problems().error(f.at("tick_cost"), f.get("tick_cost"), "a duration above 0 and below "
          + "the tick period (" + Time.format(period) + " at hz " + hz + ")");
      ok = false;
    }
    if (phase >= period) {
      f.problems().error(f.at("tick_phase"), f.get("tick_phase"), "a duration below the tick "
          + "period (" + Time.format(period) + ")");
      ok = false;
    }
    return ok ? new GuestTicks(period, cost, phase) : null;
  }

  /** The tick period in ns (0 = no ticks). */
  long periodNs() {
    return periodNs;
  }

  /** {@code inner} with each vCPU's workload wrapped in ticks (unchanged without ticks). */
  WorkloadFactory wrap(WorkloadFactory inner) {
    if (periodNs == 0) {
      return inner;
    }
    return new WorkloadFactory() {
      @Override
      public Workload[] createForDomain(int nrVcpus) {
        return wrapAll(inner.createForDomain(nrVcpus));
      }

      @Override
      public Workload[] createForDomain(String domainName, int nrVcpus) {
        return wrapAll(inner.createForDomain(domainName, nrVcpus));
      }
    };
  }

  private Workload[] wrapAll(Workload[] w) {
    Workload[] out = new Workload[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = new Ticking(w[i], periodNs, costNs, phaseNs);
    }
    return out;
  }

  /**
   * One vCPU's workload with ticks. The inner workload sees a {@link Guest} that records whether
   * it wants to be blocked; the real vCPU also wakes for ticks, and a completed demand is the
   * inner workload's business only when the inner workload is awake.
   */
  static final class Ticking implements Workload, Guest {
    private final Workload inner;
    private final long periodNs;
    private final long costNs;
    private final long phaseNs;
    private Guest g;
    private Timer tick;
    private long nextTick;
    /** The inner workload has blocked (vCPUs start blocked) and not been woken since. */
    private boolean innerBlocked = true;
    private long ticks;

    Ticking(Workload inner, long periodNs, long costNs, long phaseNs) {
      this.inner = inner;
      this.periodNs = periodNs;
      this.costNs = costNs;
      this.phaseNs = phaseNs;
    }

    /** Ticks delivered so far. */
    long ticks() {
      return ticks;
    }

    @Override
    public void start(Guest guest) {
      this.g = guest;
      tick = guest.newTimer(this::onTick);
      nextTick = phaseNs >= 0 ? phaseNs : guest.random("tick").nextLong(periodNs);
      tick.set(nextTick);
      if (inner != null) {
        inner.start(this);
      }
    }

    private void onTick() {
      ticks++;
      g.addWork(costNs);
      if (innerBlocked) {
        g.unblock();
      }
      nextTick += periodNs;
      tick.set(nextTick);
    }

    @Override
    public void onTimer(Guest guest) {
      if (inner != null) {
        inner.onTimer(this);
      }
    }

    @Override
    public void onWorkDone(Guest guest) {
      if (innerBlocked || inner == null) {
        g.block(); // the tick handler is done; the guest is idle again
      } else {
        inner.onWorkDone(this);
      }
    }

    // ------------------------------------------------ the inner workload's view of its guest

    @Override
    public long now() {
      return g.now();
    }

    @Override
    public VCpu vcpu() {
      return g.vcpu();
    }

    @Override
    public void addWork(long workNs) {
      g.addWork(workNs);
    }

    @Override
    public long workRemaining() {
      return g.workRemaining();
    }

    @Override
    public void dropWork() {
      g.dropWork();
    }

    @Override
    public void unblock() {
      innerBlocked = false;
      g.unblock();
    }

    @Override
    public void block() {
      innerBlocked = true;
      g.block();
    }

    @Override
    public void yield() {
      g.yield();
    }

    @Override
    public void setTimer(long atNs) {
      g.setTimer(atNs);
    }

    @Override
    public void stopTimer() {
      g.stopTimer();
    }

    @Override
    public Timer newTimer(Runnable action) {
      return g.newTimer(action);
    }

    @Override
    public UniformRandomProvider random(String name) {
      return g.random(name);
    }

    @Override
    public SimListener events() {
      return g.events();
    }
  }
}
