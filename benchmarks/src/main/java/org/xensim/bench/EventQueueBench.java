package org.xensim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xensim.core.engine.Simulation;
import org.xensim.core.engine.Timer;

/**
 * The event engine alone: {@code timers} periodic timers (like per-pCPU slice and tick timers),
 * each firing every {@link #PERIOD_NS} and re-arming itself; every fire also re-arms a
 * companion timer before it expires (the slice timer stopped and re-armed by every schedule()).
 * One operation = one timer event: a fire plus two re-arms. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar EventQueueBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventQueueBench {
  static final long PERIOD_NS = 1_000_000;
  static final int ROUNDS = 1_000;
  static final int EVENTS = 1 << 20;

  @Param({"64", "1024"})
  int timers;

  private Simulation sim;
  private long span;

  @Setup
  public void setUp() {
    sim = new Simulation(1, 0);
    for (int i = 0; i < timers; i++) {
      Timer[] self = new Timer[1];
      Timer companion = sim.newTimer(i, () -> {});
      self[0] = sim.newTimer(i, () -> {
        long now = sim.now();
        self[0].set(now + PERIOD_NS);
        companion.set(now + 2 * PERIOD_NS);
      });
      self[0].set(i * (PERIOD_NS / timers));
    }
    span = PERIOD_NS * EVENTS / timers;
  }

  /** Fires exactly {@link #EVENTS} events: each timer fires once per period. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long fireAndReArm() {
    sim.runUntil(sim.now() + span);
    return sim.eventsFired();
  }
}
