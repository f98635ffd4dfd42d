package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Timer;
import org.xensim.core.observe.SimListener;
import org.xensim.core.time.Time;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.workload.dist.Exponential;
import org.xensim.workload.dist.Fixed;
import org.xensim.workload.dist.LogNormal;
import org.xensim.workload.dist.Uniform;
import org.xensim.workload.dist.Weibull;
import org.xensim.workload.trace.DemandReplay;
import org.xensim.workload.trace.DemandTraceReader;
import org.xensim.workload.trace.UtilFormat;
import org.xensim.workload.trace.UtilReplay;
import org.xensim.workload.trace.UtilTraceReader;

/**
 * The workloads' per-event callbacks allocate nothing: every type (with ticks, distributions, a
 * server queue that has stopped growing, trace replays) runs on a busy host, each workload
 * wrapped in {@link Metered}, which sums what the simulation thread allocates inside the
 * workload's callbacks and timer actions (including the generic layer and scheduler work they
 * trigger, such as a wake). The test FIFO scheduler's own passes are outside the meter (its
 * iterator is not always scalar-replaced), so this checks the workloads, not the engine.
 */
class HotPathAllocationTest {
  private static com.sun.management.ThreadMXBean mx;

  @Test
  void workloadCallbacksAllocateNothing() throws Exception {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());

    List<Metered> meters = new ArrayList<>();
    TestHost host = busyHost(meters);
    host.runUntil(Time.s(2)); // the server's queue and the histograms reach their sizes
    long calls = 0;
    for (Metered m : meters) {
      m.bytes = 0;
      calls -= m.calls;
    }
    host.runUntil(Time.s(6));
    List<String> allocated = new ArrayList<>();
    for (Metered m : meters) {
      calls += m.calls;
      if (m.bytes > 0) {
        allocated.add(m.name + ": " + m.bytes + " bytes in " + m.calls + " callbacks");
      }
    }
    assertThat(calls).isGreaterThan(50_000);
    assertThat(allocated).isEmpty();
  }

  /** Every workload type on a three-pCPU host, busy for 30 s. */
  private static TestHost busyHost(List<Metered> meters) throws Exception {
    StringBuilder demand = new StringBuilder();
    for (long t = 0; t < Time.s(30); t += Time.us(700)) {
      demand.append(t).append(",d,0,").append(t % 3 == 0 ? "wake" : "work").append(",100us\n");
    }
    var trace = DemandTraceReader.read(new BufferedReader(new StringReader(demand.toString())),
        "d.csv");
    StringBuilder util = new StringBuilder();
    for (int s = 0; s < 300; s++) {
      util.append(s * 100).append(",u,").append(s * 3 % 100).append('\n');
    }
    var series = UtilTraceReader.read(new BufferedReader(new StringReader(util.toString())),
        "u.csv", new UtilFormat(1, 2, 3, Time.NS_PER_MS, 100, 0, true), null).get("u");

    TestHost host = new TestHost(3, 5);
    host.domain("io", meter(meters, "io", new IoBound.Loop(new Exponential(Time.us(300)),
        new Weibull(1e6, 1.5))));
    host.domain("rt", meter(meters, "periodic", new Periodic.Task(Time.ms(3),
        new Uniform(Time.us(200), Time.us(900)), Time.ms(3), 0)));
    Workload[] web = new RequestQueue(new Exponential(Time.us(400)),
        new LogNormal(Time.us(200), Time.us(150)), 2).workers();
    host.domain("web", meter(meters, "server", web[0]), meter(meters, "server", web[1]));
    host.domain("onoff", meter(meters, "onoff", new OnOff.Phases(new Exponential(Time.ms(2)),
        new Fixed(Time.ms(1)), true)));
    host.domain("ticking", meter(meters, "ticks", new GuestTicks.Ticking(new IoBound.Loop(
        new Fixed(Time.us(50)), new Fixed(Time.ms(5))), Time.ms(1), Time.us(10), -1)));
    host.domain("replay", meter(meters, "demand replay", new DemandReplay(trace.domain("d")
        .get(0))), meter(meters, "util replay", new UtilReplay(series, Time.ms(1), -1)));
    host.domain("hog", meter(meters, "cpu-hog", new CpuHog()));
    return host;
  }

  private static Workload meter(List<Metered> meters, String name, Workload w) {
    Metered m = new Metered(name, w);
    meters.add(m);
    return m;
  }

  /** Sums the bytes the thread allocates inside a workload's callbacks and timer actions. */
  private static final class Metered implements Workload {
    final String name;
    final Workload inner;
    Guest guest;
    long bytes;
    long calls;

    Metered(String name, Workload inner) {
      this.name = name;
      this.inner = inner;
    }

    void run(Runnable action) {
      long before = mx.getCurrentThreadAllocatedBytes();
      action.run();
      bytes += mx.getCurrentThreadAllocatedBytes() - before;
      calls++;
    }

    @Override
    public void start(Guest g) {
      guest = new MeteringGuest(g, this);
      inner.start(guest);
    }

    @Override
    public void onTimer(Guest g) {
      long before = mx.getCurrentThreadAllocatedBytes();
      inner.onTimer(guest);
      bytes += mx.getCurrentThreadAllocatedBytes() - before;
      calls++;
    }

    @Override
    public void onWorkDone(Guest g) {
      long before = mx.getCurrentThreadAllocatedBytes();
      inner.onWorkDone(guest);
      bytes += mx.getCurrentThreadAllocatedBytes() - before;
      calls++;
    }
  }

  /** Forwards to the vCPU's guest; timers it makes run their actions under the meter. */
  private record MeteringGuest(Guest g, Metered meter) implements Guest {
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
      g.unblock();
    }

    @Override
    public void block() {
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
      return g.newTimer(() -> meter.run(action));
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
