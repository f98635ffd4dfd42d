package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xensim.core.golden.GoldenTimeline;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * Every Credit2 golden (the shared ones and the hand-derived H1–H7) end to end: the scenario
 * loader reads the YAML, the runner runs it, and {@link GoldenTimeline} compares the timeline
 * the way {@code shared/tools/check-timeline} does.
 */
class RunnerGoldenTest {

  static Stream<String> goldens() throws Exception {
    Path dir = dir();
    try (Stream<Path> s = Stream.concat(Files.list(dir), Files.list(dir.resolve("shared")))) {
      return s.filter(p -> p.toString().endsWith(".yaml"))
          .map(p -> dir.relativize(p).toString().replace(".yaml", "")).sorted().toList()
          .stream();
    }
  }

  private static Path dir() throws URISyntaxException {
    return Path.of(RunnerGoldenTest.class.getResource("/golden/credit2").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void goldenTimeline(String name) throws Exception {
    Path yaml = dir().resolve(name + ".yaml");
    Path json = dir().resolve(name + ".json");
    assertThat(GoldenTimeline.check(yaml, json)).as(name).isEmpty();
  }

  @Test
  void allGoldensFound() throws Exception {
    assertThat(goldens()).hasSize(15);
  }

  /**
   * The per-runqueue figures in {@code summary.json} cover the measured time only: H5 run with
   * a warm-up of 30.5 ms (past the reset and balance at 30.0) reports no reset and no move,
   * while the same scenario measured from 0 reports rq0's reset and its push to rq1.
   */
  @Test
  void runqueueFiguresCoverMeasuredTimeOnly() throws Exception {
    JsonNode full = summary("");
    JsonNode rq0 = full.get("pools").get(0).get("runqueues").get(0);
    assertThat(rq0.get("resets").asLong()).isEqualTo(1);
    assertThat(rq0.get("balanced_out").asLong()).isEqualTo(1);
    assertThat(full.get("pools").get(0).get("credit2_runqueue").asText()).isEqualTo("core");
    assertThat(full.get("totals").get("credit2.reset").asLong()).isEqualTo(1);

    JsonNode late = summary("warmup: 30.5ms\n");
    JsonNode lrq0 = late.get("pools").get(0).get("runqueues").get(0);
    assertThat(lrq0.get("resets").asLong()).isZero();
    assertThat(lrq0.get("balance_attempts").asLong()).isZero();
    assertThat(lrq0.get("balanced_out").asLong()).isZero();
    // [30.5, 36): rq0 has B and C (load 2), rq1 has A (load 1) throughout
    assertThat(lrq0.get("mean_load").asDouble()).isEqualTo(2.0);
    assertThat(late.get("pools").get(0).get("runqueues").get(1).get("mean_load").asDouble())
        .isEqualTo(1.0);
  }

  private static JsonNode summary(String extra) throws Exception {
    String yaml = Files.readString(dir().resolve("credit2-H5-balance-push.yaml"));
    if (!extra.isEmpty()) {
      yaml = yaml.replace("duration: 36ms\n", "duration: 5.5ms\n" + extra);
    }
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    Scenario s = loader.build(ScenarioLoader.readTree(yaml, "h5.yaml"), "h5");
    return new ReplicationRun(s, 0).run(null);
  }

  @Test
  void providerIsRegistered() {
    assertThat(org.xensim.core.sched.SchedulerRegistry.load().find("credit2"))
        .get().isInstanceOf(Credit2Provider.class);
    assertThat(List.of(new Credit2Provider().versions())).isNotEmpty();
  }
}
