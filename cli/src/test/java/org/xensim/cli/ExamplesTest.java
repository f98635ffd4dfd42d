package org.xensim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xensim.core.run.ScenarioRunner;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/** Every scenario in {@code examples/} runs end to end, and its summary says what it promises. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path tmp;

  /** What each example promises, checked on its summary. */
  private static final Map<String, Consumer<JsonNode>> PROMISES = Map.ofEntries(Map.entry(
      "capacity-sweep", s -> {
        // The base point (4 servers of 0.8 pCPU demand beside a 4-vCPU hog, 8 pCPUs, Credit,
        // 3 replications): 800 requests/s per server over 2 s are served within the 10 ms SLO,
        // and the host is busy 4 * 0.8 + 4 = 7.2 pCPUs of 8.
        JsonNode t = s.get("totals");
        assertThat(t.get("requests").get("mean").asDouble()).isBetween(6_100.0, 6_700.0);
        assertThat(t.get("request_response_ns").get("p99").get("mean").asDouble())
            .isLessThan(10e6);
        assertThat(t.get("utilisation").get("mean").asDouble()).isBetween(0.86, 0.92);
        assertThat(t.get("jain_fairness").get("values")).hasSize(3);
      }), Map.entry(
      "quickstart", s -> {
        // Hogs leave no pCPU idle; the web server (half a pCPU of demand) keeps up with its
        // 1000 requests/s over 5 s; nobody gets more than it asks for.
        long busy = 0;
        for (JsonNode p : s.get("pcpus")) {
          busy += p.get("busy_ns").asLong();
        }
        assertThat(busy).isEqualTo(4 * s.get("simulated_ns").asLong());
        long served = 0;
        for (JsonNode v : domain(s, "web").get("vcpus")) {
          served += v.get("requests").asLong();
        }
        assertThat(served).isBetween(4750L, 5250L);
        assertThat(share(s, "web")).isLessThan(0.55);
        assertThat(share(s, "db")).isLessThanOrEqualTo(200.0 / 1200 + 0.01);
      }), Map.entry(
      "credit-boost-latency", s -> {
        JsonNode io = domain(s, "io-guest").get("vcpus").get(0);
        assertThat(io.get("wake_latency_ns").get("max").asLong()).isZero();
        assertThat(io.get("share").asDouble())
            .isCloseTo(100.0 / 2100, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(share(s, "hog-0")).isCloseTo(share(s, "hog-1"),
            org.assertj.core.data.Offset.offset(0.01));
      }), Map.entry(
      "credit-weights", s -> {
        // Weights 1:2:4 over 2 pCPUs: 2/7, 4/7, 8/7, within 2 % of a pCPU.
        assertThat(share(s, "light")).isCloseTo(2.0 / 7, org.assertj.core.data.Offset.offset(0.02));
        assertThat(share(s, "medium")).isCloseTo(4.0 / 7, org.assertj.core.data.Offset.offset(0.02));
        assertThat(share(s, "heavy")).isCloseTo(8.0 / 7, org.assertj.core.data.Offset.offset(0.02));
      }), Map.entry(
      "credit-caps", s -> {
        assertThat(share(s, "capped")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(share(s, "uncapped")).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
      }), Map.entry(
      "credit2-runqueues", s -> {
        // Per-core runqueues: balanced onto 4 cores during warm-up, full speed.
        for (JsonNode v : domain(s, "core-hogs").get("vcpus")) {
          assertThat(v.get("work_ns").asLong()).isEqualTo(v.get("cpu_ns").asLong());
        }
        // One runqueue per socket: the packed hogs stay on sibling threads, at 60 %.
        for (JsonNode v : domain(s, "socket-hogs").get("vcpus")) {
          assertThat(v.get("work_ns").asDouble() / v.get("cpu_ns").asDouble())
              .isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        }
      }), Map.entry(
      "credit2-affinity", s -> {
        for (JsonNode v : domain(s, "pinned").get("vcpus")) {
          assertThat(v.get("share").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(share(s, "free")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
      }), Map.entry(
      "consolidation", s -> {
        // Pool-0 (6 pCPUs) is overcommitted: the hogs take what the others leave, so it is
        // fully busy; the RTDS pool keeps the controller's deadlines.
        double pool0 = 0;
        for (JsonNode d : s.get("domains")) {
          if (d.get("pool").asText().equals("Pool-0")) {
            pool0 += d.get("share").asDouble();
          }
        }
        assertThat(pool0).isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.01));
        for (int i = 0; i < 4; i++) {
          JsonNode web = domain(s, "web-" + i);
          // Open-loop arrivals at 800/s over the 10 s measured: within 3 %.
          assertThat(web.get("requests").asLong()).isBetween(7_760L, 8_240L);
          assertThat(web.get("request_response_ns").get("mean").asLong())
              .isBetween(1_000_000L, 10_000_000L);
        }
        JsonNode ctrl = domain(s, "ctrl").get("vcpus").get(0);
        assertThat(ctrl.get("jobs").asLong()).isEqualTo(1000);
        assertThat(ctrl.get("deadline_misses").asLong()).isZero();
        // Its own pCPU: a job's response is its execution time, at most 2.5 ms (0.1 %).
        assertThat(ctrl.get("job_response_ns").get("max").asLong()).isLessThan(2_503_000L);
        assertThat(share(s, "db")).isBetween(0.1, 0.4);
        assertThat(share(s, "erp")).isBetween(0.6, 1.2);
        assertThat(share(s, "batch-0")).isPositive();
      }), Map.entry(
      "rtds-edf", s -> {
        // Schedulable under global EDF (U = 1.2 <= m(1 - umax) + umax = 1.5): each server
        // gets exactly its budget per period, and no server period misses its budget.
        assertThat(share(s, "rt-a")).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(share(s, "rt-b")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.001));
        assertThat(share(s, "rt-c")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.001));
        assertThat(s.get("pools").get(0).get("budget_misses").asLong()).isZero();
        assertThat(s.get("totals").get("idle_repolls").asLong()).isZero();
      }));

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runsAndKeepsItsPromise(String name) {
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    Scenario s = loader.load(EXAMPLES.resolve(name + ".yaml"), List.of());
    assertThat(loader.warnings()).as("an example should not need warnings").isEmpty();
    JsonNode summary = ScenarioRunner.runToFolder(s, tmp.resolve(name), null);
    assertThat(tmp.resolve(name).resolve("summary.json")).exists();
    assertThat(PROMISES).as("every example has a promise checked here").containsKey(name);
    PROMISES.get(name).accept(summary);
  }

  /** The 4.6 quantum-driven RTDS on the same task set: invoked every quantum, and re-polling. */
  @Test
  void rtdsOf46InvokesTheSchedulerMoreOftenThan47() {
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    JsonNode v47 = ScenarioRunner.runToFolder(
        loader.load(EXAMPLES.resolve("rtds-edf.yaml"), List.of()), tmp.resolve("47"), null);
    JsonNode v46 = ScenarioRunner.runToFolder(loader.load(EXAMPLES.resolve("rtds-edf.yaml"),
        List.of("xen.version=\"4.6\"")), tmp.resolve("46"), null);
    long calls47 = v47.get("totals").get("schedule_calls").asLong();
    long calls46 = v46.get("totals").get("schedule_calls").asLong();
    // 4.7 decides only at budget exhaustion, replenishment and wake (a few per period); 4.6
    // runs at least once per 1 ms quantum on every busy pCPU.
    assertThat(calls46).isGreaterThan(calls47);
    assertThat(calls46).isGreaterThanOrEqualTo(
        (long) (v46.get("pcpus").get(0).get("busy_ns").asLong() / 1_000_000));
    assertThat(v46.get("totals").get("idle_repolls").asLong()).isPositive();
  }

  @Test
  void everyPromiseHasItsExample() throws IOException {
    assertThat(examples().toList()).containsAll(PROMISES.keySet());
  }

  static JsonNode domain(JsonNode summary, String name) {
    for (JsonNode d : summary.get("domains")) {
      if (d.get("name").asText().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no domain " + name);
  }

  static double share(JsonNode summary, String name) {
    JsonNode share = domain(summary, name).get("share");
    return share.isObject() ? share.get("mean").asDouble() : share.asDouble();
  }
}
