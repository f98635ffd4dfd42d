package org.xensim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * A scheduler's whole decision path on a 16-pCPU host (1 node, 2 sockets, 4 cores, 2 threads)
 * with 64 CPU-bound vCPUs: ticks, accounting, passes, tickles, stealing or balancing, as the
 * model does them. Reports simulations of 20 s per second and, as {@code events}, timer events
 * (passes, ticks, ...) per second. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar SchedulePathBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SchedulePathBench {
  @Param({"credit"})
  String sched;

  @Param({""})
  String extra;

  private Scenario scenario;

  /** Timer events per second, reported beside the simulations per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  @Setup
  public void setUp() {
    String yaml = """
        name: schedule-path
        duration: 20s
        host: {nodes: 1, sockets_per_node: 2, cores_per_socket: 4, threads_per_core: 2}
        xen: {sched: %s %s}
        domains:
          - {name: hog, count: 16, vcpus: 4, workload: {type: cpu-hog}}
        """.formatted(sched, extra.isEmpty() ? "" : ", " + extra);
    scenario = ScenarioLoader.withInstalledProviders()
        .build(ScenarioLoader.readTree(yaml, "schedule-path.yaml"), "schedule-path");
  }

  /** Twenty simulated seconds (long enough that set-up and summary do not dominate). */
  @Benchmark
  public long simulate20s(Counters counters) {
    ReplicationRun run = new ReplicationRun(scenario, 0);
    run.run(null);
    counters.events += run.eventsFired();
    return run.eventsFired();
  }
}
