package org.xensim.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes {@code summary.json} and the per-vCPU, per-pCPU and per-domain CSV tables. */
public final class ResultsWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsWriter() {}

  public static void write(ObjectNode summary, Path dir) {
    try {
      Files.writeString(dir.resolve("summary.json"),
          JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
      StringBuilder d = new StringBuilder("domain,pool,cpu_ns,share,entitled_share\n");
      StringBuilder v = new StringBuilder("domain,vcpu,cpu_ns,share,work_ns,runnable_ns,"
          + "blocked_ns,wake_p50_ns,wake_p99_ns,wake_max_ns,preemptions,migrations,jobs,"
          + "deadline_misses\n");
      for (JsonNode dom : summary.get("domains")) {
        String name = csv(dom.get("name").asText());
        d.append(name).append(',').append(csv(dom.get("pool").asText())).append(',')
            .append(num(dom, "cpu_ns")).append(',').append(num(dom, "share")).append(',')
            .append(num(dom, "entitled_share")).append('\n');
        for (JsonNode vc : dom.get("vcpus")) {
          JsonNode lat = vc.get("wake_latency_ns");
          v.append(name).append(',').append(vc.get("vcpu").asInt()).append(',')
              .append(num(vc, "cpu_ns")).append(',').append(num(vc, "share")).append(',')
              .append(num(vc, "work_ns")).append(',').append(num(vc, "runnable_ns")).append(',')
              .append(num(vc, "blocked_ns")).append(',').append(num(lat, "p50")).append(',')
              .append(num(lat, "p99")).append(',').append(num(lat, "max")).append(',')
              .append(num(vc, "preemptions")).append(',').append(num(vc, "migrations"))
              .append(',').append(num(vc, "jobs")).append(',').append(num(vc, "deadline_misses"))
              .append('\n');
        }
      }
      StringBuilder p = new StringBuilder(
          "cpu,pool,busy_ns,idle_ns,overhead_ns,context_switches,schedule_calls,idle_repolls,ipis\n");
      for (JsonNode pc : summary.get("pcpus")) {
        p.append(pc.get("cpu").asInt()).append(',').append(csv(pc.get("pool").asText()));
        for (String k : new String[] {"busy_ns", "idle_ns", "overhead_ns", "context_switches",
            "schedule_calls", "idle_repolls", "ipis"}) {
          p.append(',').append(num(pc, k));
        }
        p.append('\n');
      }
      Files.writeString(dir.resolve("domains.csv"), d, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("vcpus.csv"), v, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("pcpus.csv"), p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number, or the mean of a replicated figure, formatted independently of the locale. */
  static String num(JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n == null) {
      return "";
    }
    if (n.isObject()) {
      n = n.get("mean");
    }
    if (n.isIntegralNumber()) {
      return Long.toString(n.asLong());
    }
    double x = n.asDouble();
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
        : String.format(Locale.ROOT, "%.6f", x);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
