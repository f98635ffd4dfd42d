package org.xensim.core.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * Checks a scenario's timeline against a golden spec in the format of {@code shared/golden}
 * ({@code {"until_ms": T, "schedule_calls": N, "runs": {"0": [["A", 0, 30], ...]}}}), the way
 * {@code shared/tools/check-timeline} does: consecutive runs of one vCPU merged, times within
 * 1 us, schedule calls counted over [0, T).
 */
public final class GoldenTimeline {
  private static final double TOLERANCE_NS = 1000;

  private GoldenTimeline() {}

  /** Runs {@code scenarioYaml} and returns every difference from {@code specJson}; empty = match. */
  public static List<String> check(Path scenarioYaml, Path specJson) {
    Scenario s = ScenarioLoader.withInstalledProviders().load(scenarioYaml, List.of());
    JsonNode spec;
    try {
      spec = new ObjectMapper().readTree(specJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return check(s, spec);
  }

  public static List<String> check(Scenario s, JsonNode spec) {
    double until = Math.round(spec.get("until_ms").asDouble() * 1e6);
    Recorder rec = new Recorder(until);
    new ReplicationRun(s, 0).withListener(rec).run(null);
    rec.closeAll(until);
    List<String> bad = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("runs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int cpu = Integer.parseInt(e.getKey());
      List<Run> want = new ArrayList<>();
      for (JsonNode r : e.getValue()) {
        // Whole nanoseconds, as the trace has them: 1.001 ms must be 1001000 ns exactly, or a
        // 1 us gap between two runs would look shorter than the merge tolerance.
        want.add(new Run(r.get(0).asText(), Math.round(r.get(1).asDouble() * 1e6),
            Math.min(Math.round(r.get(2).asDouble() * 1e6), until)));
      }
      List<Run> got = merge(rec.runs.getOrDefault(cpu, List.of()));
      want = merge(want);
      int n = Math.max(got.size(), want.size());
      for (int i = 0; i < n; i++) {
        Run g = i < got.size() ? got.get(i) : null;
        Run w = i < want.size() ? want.get(i) : null;
        if (g == null || w == null || !g.who.equals(w.who)
            || Math.abs(g.start - w.start) > TOLERANCE_NS || Math.abs(g.end - w.end) > TOLERANCE_NS) {
          bad.add("pcpu " + cpu + ": run " + i + ": got " + g + " want " + w);
          break;
        }
      }
    }
    if (spec.has("schedule_calls") && spec.get("schedule_calls").asLong() != rec.calls) {
      bad.add("schedule calls in [0," + spec.get("until_ms").asText() + "ms): got " + rec.calls
          + " want " + spec.get("schedule_calls").asLong());
    }
    return bad;
  }

  private static List<Run> merge(List<Run> runs) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs) {
      if (r.who.equals("-")) {
        continue;
      }
      Run last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.who.equals(r.who) && Math.abs(last.end - r.start) < TOLERANCE_NS) {
        out.set(out.size() - 1, new Run(r.who, last.start, r.end));
      } else if (r.end - r.start > 0) {
        out.add(r);
      }
    }
    return out;
  }

  /** One vCPU's stay on a pCPU over [start, end) ns; {@code who} = "A" or "A.1", "-" = idle. */
  record Run(String who, double start, double end) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s[%s,%s)", who, ms(start), ms(end));
    }

    private static String ms(double ns) {
      return new java.math.BigDecimal(ns / 1e6).setScale(6, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros().toPlainString();
    }
  }

  private static final class Recorder implements SimListener {
    final double until;
    final Map<Integer, List<Run>> runs = new HashMap<>();
    final Map<Integer, String> who = new HashMap<>();
    final Map<Integer, Double> since = new HashMap<>();
    long calls;

    Recorder(double until) {
      this.until = until;
    }

    @Override
    public void onSchedule(int cpu, long now) {
      if (now < until) {
        calls++;
      }
    }

    @Override
    public void onRun(int cpu, VCpu v, long sliceNs, long now) {
      start(cpu, v.vcpuId() == 0 ? v.domain().name() : v.domain().name() + "." + v.vcpuId(), now);
    }

    @Override
    public void onIdle(int cpu, long now) {
      start(cpu, "-", now);
    }

    private void start(int cpu, String name, long now) {
      if (name.equals(who.get(cpu))) {
        return;
      }
      close(cpu, now);
      who.put(cpu, name);
      since.put(cpu, (double) now);
    }

    private void close(int cpu, double t) {
      String w = who.remove(cpu);
      if (w != null) {
        double s = since.get(cpu);
        if (s < until) {
          runs.computeIfAbsent(cpu, k -> new ArrayList<>()).add(new Run(w, s, Math.min(t, until)));
        }
      }
    }

    void closeAll(double t) {
      for (Integer cpu : new ArrayList<>(who.keySet())) {
        close(cpu, t);
      }
    }
  }
}
