package org.xensim.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.TestScenarios;
import org.xensim.core.time.Time;

class ScenarioRunnerTest {
  private static final String TWO_HOGS = """
      name: two-hogs
      duration: 100ms
      host: {nodes: 1, sockets_per_node: 1, cores_per_socket: 1, threads_per_core: 1}
      xen: {sched: fifo}
      output: {trace: true}
      domains:
        - {name: A, workload: {type: test-hog}}
        - {name: B, workload: {type: test-hog}}
        - {name: C, workload: {type: test-burst, at: 10ms, work: 1ms, every: 20ms}}
      """;

  @TempDir Path tmp;

  @Test
  void writesTheContractsFilesWithFiguresThatAddUp() throws Exception {
    Scenario s = TestScenarios.load(TWO_HOGS);
    JsonNode sum = ScenarioRunner.runToFolder(s, tmp.resolve("out"), null);
    Path out = tmp.resolve("out");
    assertThat(out.resolve("summary.json")).exists();
    assertThat(out.resolve("vcpus.csv")).exists();
    assertThat(out.resolve("pcpus.csv")).exists();
    assertThat(out.resolve("domains.csv")).exists();
    assertThat(Files.readAllLines(out.resolve("trace.csv")).get(0))
        .isEqualTo("time_ns,pcpu,event,domain,vcpu,detail");
    assertThat(sum.get("simulated_ns").asLong()).isEqualTo(Time.ms(100));
    long cpu = 0;
    for (JsonNode d : sum.get("domains")) {
      cpu += d.get("cpu_ns").asLong();
      for (JsonNode v : d.get("vcpus")) {
        long total = v.get("cpu_ns").asLong() + v.get("runnable_ns").asLong()
            + v.get("blocked_ns").asLong() + v.get("offline_ns").asLong();
        assertThat(total).as("runstate times cover the run").isEqualTo(Time.ms(100));
        assertThat(v.get("work_ns").asLong()).isEqualTo(v.get("cpu_ns").asLong());
      }
    }
    JsonNode p0 = sum.get("pcpus").get(0);
    assertThat(cpu).as("CPU time adds up to busy time").isEqualTo(p0.get("busy_ns").asLong());
    assertThat(p0.get("busy_ns").asLong()).isEqualTo(Time.ms(100));
    // C runs 1 ms in each of its 5 periods.
    JsonNode c = sum.get("domains").get(2).get("vcpus").get(0);
    assertThat(c.get("cpu_ns").asLong()).isEqualTo(Time.ms(5));
    assertThat(c.get("wake_latency_ns").get("max").asLong()).isLessThanOrEqualTo(Time.ms(2));
    assertThat(sum.get("totals").get("schedule_calls").asLong())
        .isEqualTo(p0.get("schedule_calls").asLong());
  }

  @Test
  void sameScenarioAndSeedGiveByteIdenticalResultsInAnyFolder() throws Exception {
    Scenario s = TestScenarios.load(TWO_HOGS, "replications=3");
    ScenarioRunner.runToFolder(s, tmp.resolve("a"), null);
    ScenarioRunner.runToFolder(s, tmp.resolve("elsewhere/b"), null);
    for (String f : List.of("summary.json", "vcpus.csv", "pcpus.csv", "domains.csv", "trace.csv",
        "totals.csv", "waited_behind.csv", "latency_cdf.csv", "timeline.csv", "utilisation.csv",
        "scenario.yaml")) {
      assertThat(Files.readAllBytes(tmp.resolve("elsewhere/b").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
  }

  @Test
  void replicationsRunInParallelGiveTheSameBytesAsOneAfterTheOther() throws Exception {
    Scenario s = TestScenarios.load(TWO_HOGS, "replications=4");
    ScenarioRunner.runToFolder(s, tmp.resolve("seq"), null, 1, null);
    ScenarioRunner.runToFolder(s, tmp.resolve("par"), null, 3, null);
    for (String f : List.of("summary.json", "vcpus.csv", "utilisation.csv", "latency_cdf.csv")) {
      assertThat(Files.readAllBytes(tmp.resolve("par").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(tmp.resolve("seq").resolve(f)));
    }
  }

  @Test
  void replicationsTurnFiguresIntoMeanCiAndValues() {
    Scenario s = TestScenarios.load(TWO_HOGS, "replications=2");
    JsonNode sum = ScenarioRunner.runToFolder(s, tmp.resolve("r"), null);
    JsonNode share = sum.get("domains").get(0).get("share");
    assertThat(share.get("values")).hasSize(2);
    assertThat(share.has("mean")).isTrue();
    assertThat(share.has("ci95")).isTrue();
    assertThat(sum.get("seeds")).hasSize(2);
    assertThat(sum.get("pcpus").get(0).get("cpu").isNumber()).isTrue();
  }

  @Test
  void warmupIsExcludedFromEveryFigure() {
    Scenario s = TestScenarios.load(TWO_HOGS, "warmup=50ms", "duration=50ms");
    JsonNode sum = ScenarioRunner.runToFolder(s, tmp.resolve("w"), null);
    assertThat(sum.get("simulated_ns").asLong()).isEqualTo(Time.ms(50));
    assertThat(sum.get("pcpus").get(0).get("busy_ns").asLong()).isEqualTo(Time.ms(50));
    JsonNode c = sum.get("domains").get(2).get("vcpus").get(0);
    // C's bursts start at 10, 30, 50, 70, 90 ms: three fall in [50, 100).
    assertThat(c.get("cpu_ns").asLong()).isEqualTo(Time.ms(3));
  }

  @Test
  void anExistingResultsFolderIsReplacedWholeAndNoTemporaryFolderIsLeft() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("stale.txt"), "old");
    ScenarioRunner.runToFolder(TestScenarios.load(TWO_HOGS), out, null);
    assertThat(out.resolve("stale.txt")).doesNotExist();
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }
}
