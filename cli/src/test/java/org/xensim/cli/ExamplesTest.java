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
  private static final Map<String, Consumer<JsonNode>> PROMISES = Map.of(
      "quickstart", s -> {
        assertThat(share(s, "batch-0") + share(s, "batch-1")).isGreaterThan(1.9);
        assertThat(domain(s, "interactive").get("vcpus").get(0).get("wakes").asLong())
            .isPositive();
      },
      "credit-weights", s -> {
        // Weights 1:2:4 over 2 pCPUs: 2/7, 4/7, 8/7, within 2 % of a pCPU.
        assertThat(share(s, "light")).isCloseTo(2.0 / 7, org.assertj.core.data.Offset.offset(0.02));
        assertThat(share(s, "medium")).isCloseTo(4.0 / 7, org.assertj.core.data.Offset.offset(0.02));
        assertThat(share(s, "heavy")).isCloseTo(8.0 / 7, org.assertj.core.data.Offset.offset(0.02));
      },
      "credit-caps", s -> {
        assertThat(share(s, "capped")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(share(s, "uncapped")).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
      });

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
