package org.xensim.sched.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * Records which vCPU runs on which pCPU over time, the way {@code shared/tools/check-timeline}
 * reads a trace, and compares it with a golden timeline in the shared JSON format:
 * {@code {"until_ms": T, "schedule_calls": N, "runs": {"0": [["A", 0, 30], ...]},
 * "cpu_ms": {"A": 150}}} (schedule_calls and cpu_ms optional; times within 1 µs).
 */
final class Timeline implements SimListener {
  /** One run of {@code who} on a pCPU over [startNs, endNs). */
  record Run(String who, long startNs, long endNs) {
    @Override
    public String toString() {
      return who + "[" + ms(startNs) + "," + ms(endNs) + ")";
    }
  }

  private static final long TOLERANCE_NS = 1000;

  private final long untilNs;
  private final Map<Integer, List<Run>> runs = new TreeMap<>();
  private final Map<Integer, Run> open = new TreeMap<>();
  private final Map<String, Long> cpuNs = new TreeMap<>();
  private int scheduleCalls;

  Timeline(long untilNs) {
    this.untilNs = untilNs;
  }

  static String nameOf(VCpu v) {
    return v.vcpuId() == 0 ? v.domain().name() : v.domain().name() + "." + v.vcpuId();
  }

  @Override
  public void onSchedule(int cpu, long now) {
    if (now < untilNs) {
      scheduleCalls++;
    }
  }

  @Override
  public void onRun(int cpu, VCpu v, long sliceNs, long now) {
    switchTo(cpu, nameOf(v), now);
  }

  @Override
  public void onIdle(int cpu, long now) {
    switchTo(cpu, "-", now);
  }

  private void switchTo(int cpu, String who, long now) {
    Run cur = open.get(cpu);
    if (cur != null && cur.who().equals(who)) {
      return;
    }
    close(cpu, now);
    open.put(cpu, new Run(who, now, -1));
  }

  private void close(int cpu, long now) {
    Run cur = open.remove(cpu);
    if (cur != null && cur.startNs() < untilNs) {
      long end = Math.min(now, untilNs);
      runs.computeIfAbsent(cpu, c -> new ArrayList<>()).add(new Run(cur.who(), cur.startNs(), end));
      if (!cur.who().equals("-")) {
        cpuNs.merge(cur.who(), end - cur.startNs(), Long::sum);
      }
    }
  }

  /** Closes the open runs at the end of the observed window. */
  void finish() {
    for (Integer cpu : List.copyOf(open.keySet())) {
      close(cpu, untilNs);
    }
  }

  int scheduleCalls() {
    return scheduleCalls;
  }

  /** The merged non-idle runs of {@code cpu}. */
  List<Run> runs(int cpu) {
    return merge(runs.getOrDefault(cpu, List.of()));
  }

  /** CPU time of {@code who} in [0, until) (from the runs, so it matches the timeline). */
  long cpuNs(String who) {
    return cpuNs.getOrDefault(who, 0L);
  }

  private static List<Run> merge(List<Run> in) {
    List<Run> out = new ArrayList<>();
    for (Run r : in) {
      if (r.who().equals("-")) {
        continue;
      }
      Run last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.who().equals(r.who())
          && Math.abs(last.endNs() - r.startNs()) < TOLERANCE_NS) {
        out.set(out.size() - 1, new Run(last.who(), last.startNs(), r.endNs()));
      } else if (r.endNs() > r.startNs()) {
        out.add(r);
      }
    }
    return out;
  }

  static String ms(long ns) {
    return String.format(Locale.ROOT, "%.6f", ns / 1e6).replaceAll("0+$", "")
        .replaceAll("\\.$", "");
  }

  // ------------------------------------------------------------------ running goldens

  /** A golden scenario under {@code src/test/resources/golden/credit/}. */
  static Path resource(String file) {
    try {
      return Path.of(Timeline.class.getResource("/golden/credit/" + file).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource golden/credit/" + file, e);
    }
  }

  /** Runs {@code NAME.yaml} up to the spec's {@code until_ms} and records its timeline. */
  static Timeline run(String name, long untilNs) {
    Scenario s = ScenarioLoader.withInstalledProviders().load(resource(name + ".yaml"), List.of());
    Timeline t = new Timeline(untilNs);
    new ReplicationRun(s, 0).withListener(t).run(null);
    t.finish();
    return t;
  }

  static JsonNode spec(String name) {
    try (InputStream in = Timeline.class.getResourceAsStream("/golden/credit/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource golden/credit/" + name + ".json");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs golden {@code name} and lists every difference from its JSON timeline; empty if it
   * matches (same rules as {@code check-timeline}).
   */
  static List<String> check(String name) {
    JsonNode spec = spec(name);
    long until = Math.round(spec.get("until_ms").asDouble() * 1e6);
    Timeline t = run(name, until);
    List<String> bad = new ArrayList<>();
    spec.get("runs").fields().forEachRemaining(e -> {
      int cpu = Integer.parseInt(e.getKey());
      List<Run> want = new ArrayList<>();
      for (JsonNode r : e.getValue()) {
        long s = Math.round(r.get(1).asDouble() * 1e6);
        long en = Math.min(Math.round(r.get(2).asDouble() * 1e6), until);
        want.add(new Run(r.get(0).asText(), s, en));
      }
      want = merge(want);
      List<Run> got = t.runs(cpu);
      boolean same = got.size() == want.size();
      for (int i = 0; same && i < got.size(); i++) {
        Run g = got.get(i);
        Run w = want.get(i);
        same = g.who().equals(w.who()) && Math.abs(g.startNs() - w.startNs()) <= TOLERANCE_NS
            && Math.abs(g.endNs() - w.endNs()) <= TOLERANCE_NS;
      }
      if (!same) {
        bad.add("pCPU " + cpu + ":\n  got  " + got + "\n  want " + want);
      }
    });
    if (spec.has("schedule_calls") && spec.get("schedule_calls").asInt() != t.scheduleCalls()) {
      bad.add("schedule calls in [0," + ms(until) + "ms): got " + t.scheduleCalls() + " want "
          + spec.get("schedule_calls").asInt());
    }
    if (spec.has("cpu_ms")) {
      spec.get("cpu_ms").fields().forEachRemaining(e -> {
        long want = Math.round(e.getValue().asDouble() * 1e6);
        long got = t.cpuNs(e.getKey());
        if (Math.abs(got - want) > TOLERANCE_NS) {
          bad.add("cpu time of " + e.getKey() + ": got " + ms(got) + " ms want " + ms(want));
        }
      });
    }
    return bad;
  }
}
