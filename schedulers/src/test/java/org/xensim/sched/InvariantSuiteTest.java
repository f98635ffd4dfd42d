package org.xensim.sched;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xensim.core.golden.InvariantChecker;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.sched.SchedulerRegistry;

/**
 * The invariant suite, run over every scheduler model on the class path and random small
 * scenarios (hogs and scripted I/O, random affinity, random topology, zero costs): no vCPU on two
 * pCPUs, hard affinity and pools never broken, time never goes back, CPU time adds up to busy
 * time, and runstate times add up to the run.
 */
class InvariantSuiteTest {
  private static final int SCENARIOS_PER_SCHEDULER = 12;

  static Stream<Arguments> schedulersAndSeeds() {
    List<Arguments> out = new ArrayList<>();
    for (SchedulerProvider p : SchedulerRegistry.load().all()) {
      for (int i = 0; i < SCENARIOS_PER_SCHEDULER; i++) {
        out.add(Arguments.of(p.name(), 1000L + i));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("schedulersAndSeeds")
  void invariantsHold(String sched, long seed) {
    String yaml = randomScenario(sched, seed);
    Scenario s = ScenarioLoader.withInstalledProviders()
        .build(ScenarioLoader.readTree(yaml, "random.yaml"), "random");
    ReplicationRun run = new ReplicationRun(s, 0);
    InvariantChecker checker = new InvariantChecker(c -> run.layer().poolOf(c).id());
    JsonNode sum = run.withListener(checker).run(null);
    assertThat(checker.violations()).as("scenario:\n%s", yaml).isEmpty();
    long cpu = 0;
    for (JsonNode d : sum.get("domains")) {
      for (JsonNode v : d.get("vcpus")) {
        cpu += v.get("cpu_ns").asLong();
        assertThat(v.get("cpu_ns").asLong() + v.get("runnable_ns").asLong()
            + v.get("blocked_ns").asLong() + v.get("offline_ns").asLong())
            .as("runstates of %s.%s cover the run; scenario:\n%s", d.get("name").asText(),
                v.get("vcpu").asInt(), yaml)
            .isEqualTo(s.durationNs());
      }
    }
    long busy = 0;
    for (JsonNode p : sum.get("pcpus")) {
      busy += p.get("busy_ns").asLong();
    }
    assertThat(cpu).as("CPU time adds up to busy time; scenario:\n%s", yaml).isEqualTo(busy);
  }

  /** A random small scenario for {@code sched}, printed with any failure. */
  static String randomScenario(String sched, long seed) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
    int cores = 1 + rng.nextInt(3);
    int threads = 1 + rng.nextInt(2);
    int cpus = cores * threads;
    StringBuilder y = new StringBuilder();
    y.append("name: random\nseed: ").append(seed).append("\nduration: 200ms\n");
    y.append("host: {nodes: 1, sockets_per_node: 1, cores_per_socket: ").append(cores)
        .append(", threads_per_core: ").append(threads).append("}\n");
    y.append("xen: {sched: ").append(sched).append("}\ndomains:\n");
    boolean deadlines = SchedulerRegistry.load().find(sched).orElseThrow().parameters().stream()
        .anyMatch(p -> p.name().equals("budget") && p.scope() != ParamSpec.Scope.POOL);
    int domains = 2 + rng.nextInt(4);
    for (int d = 0; d < domains; d++) {
      y.append("  - {name: d").append(d).append(", vcpus: ").append(1 + rng.nextInt(2));
      if (rng.nextInt(3) == 0) {
        int a = rng.nextInt(cpus);
        y.append(", cpus: \"").append(a).append("\"");
      }
      if (deadlines) {
        int period = 5 + rng.nextInt(20);
        y.append(String.format(Locale.ROOT, ", period: %dms, budget: %dus", period,
            200 + rng.nextInt(period * 900)));
      } else {
        y.append(", weight: ").append(64 + rng.nextInt(512));
      }
      if (rng.nextBoolean()) {
        y.append(", workload: {type: cpu-hog}}\n");
      } else {
        y.append(", workload: {type: script, steps: [");
        long t = 0;
        for (int k = 0; k < 8; k++) {
          t += 1 + rng.nextInt(20_000);
          y.append(k == 0 ? "" : ", ").append("\"wake ").append(t).append("us\", \"run ")
              .append(50 + rng.nextInt(5_000)).append("us\"");
          t += 5_000;
        }
        y.append("]}}\n");
      }
    }
    return y.toString();
  }
}
