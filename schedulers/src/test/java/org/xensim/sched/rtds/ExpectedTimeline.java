package org.xensim.sched.rtds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An expected timeline in the format of {@code shared/golden/*.json}:
 * {@code {"until_ms": T, "schedule_calls": N, "runs": {"0": [["A", 0, 30], ...]}}}, compared as
 * {@code shared/tools/check-timeline} does: idle runs dropped, consecutive runs of one vCPU
 * merged, times within 1 us, {@code schedule_calls} (if given) counted over [0, T).
 *
 * <p>Unlike {@code org.xensim.core.golden.GoldenTimeline} it reads the results folder's
 * {@code trace.csv}, as the acceptance tool does. Optional extras, checked against {@code summary.json} at T (the run's end): {@code cpu_ms}
 * (per vCPU, CPU time), {@code migrations} (per vCPU), {@code budget_misses} (per vCPU, from the
 * RTDS pool summary) and {@code idle_repolls} (total). vCPUs are named as in runs: {@code "X"} or
 * {@code "X.i"}.
 */
final class ExpectedTimeline {
  static final long TOLERANCE_NS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  final long untilNs;
  final Integer scheduleCalls;
  final Map<Integer, List<Run>> runs = new TreeMap<>();
  final JsonNode root;

  /** One run {@code [startNs, endNs)} of {@code who} on a pCPU. */
  record Run(String who, long startNs, long endNs) {
    @Override
    public String toString() {
      return who + "[" + startNs / 1e6 + "," + endNs / 1e6 + ")";
    }
  }

  private ExpectedTimeline(JsonNode root) {
    this.root = root;
    untilNs = Math.round(root.get("until_ms").asDouble() * 1e6);
    scheduleCalls = root.has("schedule_calls") ? root.get("schedule_calls").asInt() : null;
    for (Map.Entry<String, JsonNode> e : root.get("runs").properties()) {
      List<Run> list = new ArrayList<>();
      for (JsonNode r : e.getValue()) {
        list.add(new Run(r.get(0).asText(), Math.round(r.get(1).asDouble() * 1e6),
            Math.min(untilNs, Math.round(r.get(2).asDouble() * 1e6))));
      }
      runs.put(Integer.parseInt(e.getKey()), merge(list));
    }
  }

  static ExpectedTimeline read(Path file) {
    try {
      return new ExpectedTimeline(JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops idle runs, merges touching runs of one vCPU, drops empty runs. */
  static List<Run> merge(List<Run> in) {
    List<Run> out = new ArrayList<>();
    for (Run r : in) {
      if (r.who().equals("-")) {
        continue;
      }
      if (!out.isEmpty()) {
        Run last = out.get(out.size() - 1);
        if (last.who().equals(r.who()) && Math.abs(last.endNs() - r.startNs()) < TOLERANCE_NS) {
          out.set(out.size() - 1, new Run(r.who(), last.startNs(), r.endNs()));
          continue;
        }
      }
      if (r.endNs() > r.startNs()) {
        out.add(r);
      }
    }
    return out;
  }

  /** Differences between this timeline and a run's trace and summary; empty if they agree. */
  List<String> differences(TraceTimeline got, JsonNode summary) {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<Integer, List<Run>> e : runs.entrySet()) {
      List<Run> want = e.getValue();
      List<Run> have = merge(got.runs(e.getKey()));
      int n = Math.max(want.size(), have.size());
      for (int i = 0; i < n; i++) {
        Run w = i < want.size() ? want.get(i) : null;
        Run g = i < have.size() ? have.get(i) : null;
        if (w == null || g == null || !w.who().equals(g.who())
            || Math.abs(w.startNs() - g.startNs()) > TOLERANCE_NS
            || Math.abs(w.endNs() - g.endNs()) > TOLERANCE_NS) {
          bad.add("pcpu " + e.getKey() + ": run " + i + ": got " + g + " want " + w
              + " (all got: " + have + ")");
          break;
        }
      }
    }
    if (scheduleCalls != null && scheduleCalls != got.scheduleCalls()) {
      bad.add("schedule calls: got " + got.scheduleCalls() + " want " + scheduleCalls);
    }
    Map<String, JsonNode> vcpus = vcpusByName(summary);
    Map<String, Long> misses = budgetMissesByName(summary);
    extra(bad, "cpu_ms", name -> vcpus.get(name).get("cpu_ns").asDouble() / 1e6);
    extra(bad, "migrations", name -> vcpus.get(name).get("migrations").asDouble());
    extra(bad, "budget_misses", name -> misses.get(name).doubleValue());
    if (root.has("idle_repolls")) {
      long want = root.get("idle_repolls").asLong();
      long have = summary.get("totals").get("idle_repolls").asLong();
      if (want != have) {
        bad.add("idle_repolls: got " + have + " want " + want);
      }
    }
    return bad;
  }

  private void extra(List<String> bad, String key, java.util.function.Function<String, Double> f) {
    if (!root.has(key)) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : root.get(key).properties()) {
      double have = f.apply(e.getKey());
      if (Math.abs(have - e.getValue().asDouble()) > 1e-3) {
        bad.add(key + " of " + e.getKey() + ": got " + have + " want " + e.getValue());
      }
    }
  }

  static String name(String domain, int vcpu) {
    return vcpu == 0 ? domain : domain + "." + vcpu;
  }

  private static Map<String, JsonNode> vcpusByName(JsonNode summary) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode d : summary.get("domains")) {
      for (JsonNode v : d.get("vcpus")) {
        out.put(name(d.get("name").asText(), v.get("vcpu").asInt()), v);
      }
    }
    return out;
  }

  private static Map<String, Long> budgetMissesByName(JsonNode summary) {
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode p : summary.get("pools")) {
      if (p.has("vcpus")) {
        for (JsonNode v : p.get("vcpus")) {
          out.put(name(v.get("domain").asText(), v.get("vcpu").asInt()),
              v.get("budget_misses").asLong());
        }
      }
    }
    return out;
  }
}
