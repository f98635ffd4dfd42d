package org.xensim.sched.rtds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xensim.core.run.ScenarioRunner;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * Runs a golden scenario ({@code golden/<dir>/<name>.yaml} on the test class path) end to end,
 * as {@code xensim run} does, and compares its trace and summary with {@code <name>.json}.
 */
final class GoldenRun {
  private GoldenRun() {}

  static Path resource(String dir, String file) {
    try {
      return Path.of(GoldenRun.class.getResource("/golden/" + dir + "/" + file).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no golden " + dir + "/" + file, e);
    }
  }

  /** Runs golden {@code name} into {@code workDir} and returns the differences (empty = pass). */
  static List<String> check(String dir, String name, Path workDir) {
    Scenario s = ScenarioLoader.withInstalledProviders()
        .load(resource(dir, name + ".yaml"), List.of("output.trace=true"));
    ExpectedTimeline want = ExpectedTimeline.read(resource(dir, name + ".json"));
    Path out = workDir.resolve(name);
    ScenarioRunner.runToFolder(s, out, null);
    try {
      JsonNode summary = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
      return want.differences(new TraceTimeline(out, want.untilNs), summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
