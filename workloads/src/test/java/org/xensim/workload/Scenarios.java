package org.xensim.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.xensim.core.observe.SimListener;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.sched.SchedulerRegistry;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.testsched.FifoProvider;
import org.xensim.core.workload.WorkloadRegistry;

/**
 * Scenarios for workload tests: this module's workload types and the test {@code fifo} scheduler
 * of sim-core's test jar (a global FIFO with 1 ms slices; with at least as many pCPUs as vCPUs a
 * host is uncontended: every wake runs at once). The Xen schedulers depend on this module for
 * their own tests, so tests that need them live in the cli module.
 */
final class Scenarios {
  private Scenarios() {}

  static ScenarioLoader loader() {
    return new ScenarioLoader(new SchedulerRegistry(List.of(new FifoProvider())),
        WorkloadRegistry.load());
  }

  static Scenario load(String yaml) {
    return load(yaml, Path.of(""));
  }

  static Scenario load(String yaml, Path baseDir) {
    return loader().build(ScenarioLoader.readTree(yaml, "test.yaml"), "test", baseDir);
  }

  /** Runs replication 0 and returns its summary. */
  static ObjectNode run(String yaml, SimListener... listeners) {
    return run(load(yaml), listeners);
  }

  static ObjectNode run(Scenario s, SimListener... listeners) {
    ReplicationRun r = new ReplicationRun(s, 0);
    for (SimListener l : listeners) {
      r.withListener(l);
    }
    return r.run(null);
  }

  /** The problems loading (and building) {@code yaml} reports; empty if none. */
  static List<String> problems(String yaml, Path baseDir) {
    try {
      new ReplicationRun(load(yaml, baseDir), 0);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems();
    }
  }

  static List<String> problems(String yaml) {
    return problems(yaml, Path.of(""));
  }

  static JsonNode domain(JsonNode summary, String name) {
    for (JsonNode d : summary.get("domains")) {
      if (d.get("name").asText().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no domain " + name);
  }

  static JsonNode vcpu(JsonNode summary, String domain, int vcpu) {
    return domain(summary, domain).get("vcpus").get(vcpu);
  }
}
