package org.xensim.sched.credit2;

import org.xensim.core.testsched.TestWorkloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.xensim.core.cost.CostModel;
import org.xensim.core.time.Durations;
import org.xensim.core.workload.Workload;

/**
 * Reads the subset of the scenario format the Credit2 goldens use (host counts, {@code xen:}
 * Credit2 options, domains with {@code weight}, {@code vcpus}, {@code initial_cpu}, {@code cpus}
 * and {@code cpu-hog} / {@code script} workloads) into a {@link Credit2Sim}, so the same YAML
 * file feeds both this harness and the real runner.
 */
final class ScenarioYaml {
  private ScenarioYaml() {}

  static JsonNode read(String resource) {
    try (InputStream in = ScenarioYaml.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Credit2Sim load(String resource) {
    JsonNode y = read(resource);
    JsonNode h = y.get("host");
    Credit2Sim sim = new Credit2Sim(h.path("nodes").asInt(1), h.path("sockets_per_node").asInt(1),
        h.path("cores_per_socket").asInt(1), h.path("threads_per_core").asInt(1));
    sim.seed(y.path("seed").asLong(1));
    JsonNode costs = h.path("costs");
    if (!costs.isMissingNode()) {
      sim.costs(new CostModel(duration(costs, "context_switch"), duration(costs, "ipi_latency"),
          1.0, 0, 0, 0));
    }
    JsonNode xen = y.path("xen");
    Iterator<Map.Entry<String, JsonNode>> it = xen.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "sched":
          if (!e.getValue().asText().equals("credit2")) {
            throw new IllegalArgumentException("not a credit2 scenario");
          }
          break;
        case "version":
          break;
        case Credit2Options.RUNQUEUE:
          sim.boot(e.getKey(), e.getValue().asText());
          break;
        case Credit2Options.MIGRATE_RESIST:
          sim.boot(e.getKey(), e.getValue().isNumber() ? e.getValue().asLong()
              : Durations.parse(e.getValue().asText()) / 1000);
          break;
        default:
          sim.boot(e.getKey(), e.getValue().asLong());
      }
    }
    for (JsonNode d : y.get("domains")) {
      int n = d.path("vcpus").asInt(1);
      Workload[] ws = new Workload[n];
      for (int i = 0; i < n; i++) {
        ws[i] = workload(d.get("workload"));
      }
      String cpus = d.has("cpus") ? d.get("cpus").asText() : null;
      if (!d.has("initial_cpu") && sim.nrCpus() > 1) {
        throw new IllegalArgumentException("the harness needs initial_cpu on a multi-pCPU host");
      }
      sim.domain(d.get("name").asText(), d.path("weight").asInt(256),
          d.path("initial_cpu").asInt(0), cpus, ws);
    }
    return sim;
  }

  private static long duration(JsonNode n, String key) {
    return n.has(key) ? Durations.parse(n.get(key).asText()) : 0;
  }

  private static Workload workload(JsonNode w) {
    String type = w.get("type").asText();
    if (type.equals("cpu-hog")) {
      return TestWorkloads.hog(0);
    }
    if (!type.equals("script")) {
      throw new IllegalArgumentException("workload " + type);
    }
    List<Long> pairs = new ArrayList<>();
    long wake = 0;
    boolean haveWake = false;
    for (JsonNode s : w.get("steps")) {
      String[] p = s.asText().trim().split("\\s+", 2);
      long v = Durations.parse(p[1]);
      if (p[0].equals("wake")) {
        wake = v;
        haveWake = true;
      } else {
        pairs.add(haveWake ? wake : 0L);
        pairs.add(v);
        haveWake = false;
      }
    }
    long[] a = new long[pairs.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = pairs.get(i);
    }
    return TestWorkloads.script(a);
  }
}
