package org.xensim.sched.credit2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a run with a golden timeline file ({@code {"until_ms", "schedule_calls", "runs"}}),
 * with the rules of {@code shared/tools/check-timeline}: runs of each listed pCPU over
 * [0, until), consecutive runs of one vCPU merged, times within 1 µs.
 */
final class GoldenCheck {
  final JsonNode spec;

  private GoldenCheck(JsonNode spec) {
    this.spec = spec;
  }

  static GoldenCheck resource(String name) {
    try (InputStream in = GoldenCheck.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new GoldenCheck(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GoldenCheck file(Path p) {
    try {
      return new GoldenCheck(new ObjectMapper().readTree(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long untilNs() {
    return Math.round(spec.get("until_ms").asDouble() * 1e6);
  }

  /** Every mismatch as text; empty when the run matches. */
  List<String> mismatches(Map<Integer, List<Object[]>> gotRuns, int scheduleCallsBefore) {
    long t = untilNs();
    List<String> bad = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = spec.get("runs").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int cpu = Integer.parseInt(e.getKey());
      List<long[]> want = new ArrayList<>();
      List<String> wantWho = new ArrayList<>();
      for (JsonNode r : e.getValue()) {
        if (r.get(0).asText().equals("-")) {
          continue;
        }
        wantWho.add(r.get(0).asText());
        want.add(new long[] {Math.round(r.get(1).asDouble() * 1e6),
            Math.min(Math.round(r.get(2).asDouble() * 1e6), t)});
      }
      List<String> gotWho = new ArrayList<>();
      List<long[]> got = new ArrayList<>();
      for (Object[] r : gotRuns.getOrDefault(cpu, List.of())) {
        long s = (Long) r[1];
        if (s < t) {
          gotWho.add((String) r[0]);
          got.add(new long[] {s, Math.min((Long) r[2], t)});
        }
      }
      merge(wantWho, want);
      merge(gotWho, got);
      int n = Math.max(got.size(), want.size());
      for (int i = 0; i < n; i++) {
        boolean ok = i < got.size() && i < want.size() && gotWho.get(i).equals(wantWho.get(i))
            && Math.abs(got.get(i)[0] - want.get(i)[0]) <= 1000
            && Math.abs(got.get(i)[1] - want.get(i)[1]) <= 1000;
        if (!ok) {
          bad.add("pcpu " + cpu + ": run " + i + ": got "
              + (i < got.size() ? fmt(gotWho.get(i), got.get(i)) : "nothing") + " want "
              + (i < want.size() ? fmt(wantWho.get(i), want.get(i)) : "nothing"));
          break;
        }
      }
    }
    if (spec.has("cpu_ms")) {
      Iterator<Map.Entry<String, JsonNode>> c = spec.get("cpu_ms").fields();
      while (c.hasNext()) {
        Map.Entry<String, JsonNode> e = c.next();
        long want = Math.round(e.getValue().asDouble() * 1e6);
        long got = 0;
        for (List<Object[]> rs : gotRuns.values()) {
          for (Object[] r : rs) {
            if (r[0].equals(e.getKey()) && (Long) r[1] < t) {
              got += Math.min((Long) r[2], t) - (Long) r[1];
            }
          }
        }
        if (Math.abs(got - want) > 1000) {
          bad.add("cpu of " + e.getKey() + ": got " + got / 1e6 + " ms want " + want / 1e6);
        }
      }
    }
    if (spec.has("schedule_calls") && spec.get("schedule_calls").asInt() != scheduleCallsBefore) {
      bad.add("schedule calls: got " + scheduleCallsBefore + " want "
          + spec.get("schedule_calls").asInt());
    }
    return bad;
  }

  private static void merge(List<String> who, List<long[]> runs) {
    for (int i = runs.size() - 1; i > 0; i--) {
      if (who.get(i).equals(who.get(i - 1)) && Math.abs(runs.get(i)[0] - runs.get(i - 1)[1]) < 1000) {
        runs.get(i - 1)[1] = runs.get(i)[1];
        runs.remove(i);
        who.remove(i);
      }
    }
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i)[1] - runs.get(i)[0] <= 0) {
        runs.remove(i);
        who.remove(i);
      }
    }
  }

  private static String fmt(String who, long[] r) {
    return who + "[" + r[0] / 1e6 + "," + r[1] / 1e6 + ")";
  }
}
