package org.xensim.sched.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xensim.core.golden.GoldenTimeline;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.sched.SchedulerRegistry;

/**
 * Runs Credit's golden scenarios ({@code src/test/resources/golden/credit/NAME.yaml}) against
 * their timelines ({@code NAME.json}, the format of {@code shared/golden}) with the project's
 * {@link GoldenTimeline}, and also checks the optional {@code "cpu_ms": {"A": 150}} against the
 * CPU time the metrics report (runstate accounting, an independent source).
 */
final class Timeline {
  private static final long TOLERANCE_NS = 1000;

  private Timeline() {}

  static Path resource(String file) {
    try {
      return Path.of(Timeline.class.getResource("/golden/credit/" + file).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource golden/credit/" + file, e);
    }
  }

  /** The installed providers, plus the test-only {@code test-yielder} workload. */
  static ScenarioLoader loader() {
    return new ScenarioLoader(SchedulerRegistry.load(), TestYielder.registry());
  }

  /** Every difference between golden {@code name}'s run and its spec; empty if it matches. */
  static List<String> check(String name) {
    Path yaml = resource(name + ".yaml");
    JsonNode spec;
    try {
      spec = new ObjectMapper().readTree(resource(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Scenario s = loader().load(yaml, List.of());
    List<String> bad = new ArrayList<>(GoldenTimeline.check(s, spec));
    if (spec.has("cpu_ms")) {
      long until = Math.round(spec.get("until_ms").asDouble() * 1e6);
      if (s.endNs() != until || s.warmupNs() != 0) {
        throw new IllegalArgumentException(name + ": cpu_ms needs duration = until_ms, no warmup");
      }
      ObjectNode summary = new ReplicationRun(s, 0).run(null);
      spec.get("cpu_ms").fields().forEachRemaining(e -> {
        String[] who = e.getKey().split("\\.");
        long want = Math.round(e.getValue().asDouble() * 1e6);
        long got = -1;
        for (JsonNode d : summary.get("domains")) {
          if (d.get("name").asText().equals(who[0])) {
            got = d.get("vcpus").get(who.length > 1 ? Integer.parseInt(who[1]) : 0)
                .get("cpu_ns").asLong();
          }
        }
        if (Math.abs(got - want) > TOLERANCE_NS) {
          bad.add("cpu time of " + e.getKey() + ": got " + got + " ns want " + want + " ns");
        }
      });
    }
    return bad;
  }
}
