package org.xensim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The project's yardstick: a 64-pCPU host (2 nodes x 2 sockets x 8 cores x 2 threads) with 256
 * CPU-bound vCPUs, every scheduling decision modelled, metrics on, no trace. Reports seconds per
 * simulated {@code duration} (default one hour). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar WholeHostBench -p sched=credit}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class WholeHostBench {
  @Param({"credit", "credit2", "rtds"})
  String sched;

  @Param({"1h"})
  String duration;

  private Scenario scenario;

  @Setup
  public void setUp() {
    String yaml = """
        name: yardstick
        duration: %s
        host: {nodes: 2, sockets_per_node: 2, cores_per_socket: 8, threads_per_core: 2}
        xen: {sched: %s}
        domains:
          - {name: hog, count: 64, vcpus: 4, workload: {type: cpu-hog}}
        """.formatted(duration, sched);
    scenario = ScenarioLoader.withInstalledProviders()
        .build(ScenarioLoader.readTree(yaml, "yardstick.yaml"), "yardstick");
  }

  @Benchmark
  public long simulate() {
    ReplicationRun run = new ReplicationRun(scenario, 0);
    run.run(null);
    return run.eventsFired();
  }
}
