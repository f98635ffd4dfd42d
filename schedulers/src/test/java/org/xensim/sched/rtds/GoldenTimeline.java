package org.xensim.sched.rtds;

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
 * An expected timeline in the format of {@code shared/golden/*.json}:
 * {@code {"until_ms": T, "schedule_calls": N, "runs": {"0": [["A", 0, 30], ...]}}}, compared as
 * {@code check-timeline} does: idle runs dropped, consecutive runs of one vCPU merged, times
 * within 1 us, {@code schedule_calls} (if given) counted over [0, T).
 */
final class GoldenTimeline {
  private static final long TOLERANCE_NS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  final long untilNs;
  final Integer scheduleCalls;
  final Map<Integer, List<TimelineRecorder.Run>> runs = new java.util.TreeMap<>();

  private GoldenTimeline(JsonNode root) {
    untilNs = Math.round(root.get("until_ms").asDouble() * 1e6);
    scheduleCalls = root.has("schedule_calls") ? root.get("schedule_calls").asInt() : null;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("runs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<TimelineRecorder.Run> list = new ArrayList<>();
      for (JsonNode r : e.getValue()) {
        String who = r.get(0).asText();
        if (!who.equals("-")) {
          list.add(new TimelineRecorder.Run(who, Math.round(r.get(1).asDouble() * 1e6),
              Math.min(untilNs, Math.round(r.get(2).asDouble() * 1e6))));
        }
      }
      runs.put(Integer.parseInt(e.getKey()), merge(list));
    }
  }

  static GoldenTimeline read(Path file) {
    try {
      return new GoldenTimeline(JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GoldenTimeline resource(String name) {
    try (InputStream in = GoldenTimeline.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new GoldenTimeline(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<TimelineRecorder.Run> merge(List<TimelineRecorder.Run> in) {
    List<TimelineRecorder.Run> out = new ArrayList<>();
    for (TimelineRecorder.Run r : in) {
      if (!out.isEmpty()) {
        TimelineRecorder.Run last = out.get(out.size() - 1);
        if (last.who().equals(r.who()) && Math.abs(last.endNs() - r.startNs()) < TOLERANCE_NS) {
          out.set(out.size() - 1, new TimelineRecorder.Run(r.who(), last.startNs(), r.endNs()));
          continue;
        }
      }
      if (r.endNs() > r.startNs()) {
        out.add(r);
      }
    }
    return out;
  }

  /** Differences between this timeline and what {@code rec} recorded; empty if they agree. */
  List<String> differences(TimelineRecorder rec) {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<Integer, List<TimelineRecorder.Run>> e : runs.entrySet()) {
      List<TimelineRecorder.Run> want = e.getValue();
      List<TimelineRecorder.Run> got = merge(rec.runs(e.getKey(), untilNs));
      int n = Math.max(want.size(), got.size());
      for (int i = 0; i < n; i++) {
        TimelineRecorder.Run w = i < want.size() ? want.get(i) : null;
        TimelineRecorder.Run g = i < got.size() ? got.get(i) : null;
        if (w == null || g == null || !w.who().equals(g.who())
            || Math.abs(w.startNs() - g.startNs()) > TOLERANCE_NS
            || Math.abs(w.endNs() - g.endNs()) > TOLERANCE_NS) {
          bad.add("pcpu " + e.getKey() + ": run " + i + ": got " + g + " want " + w
              + "; all got " + got);
          break;
        }
      }
    }
    if (scheduleCalls != null && scheduleCalls != rec.scheduleCalls()) {
      bad.add("schedule calls: got " + rec.scheduleCalls() + " want " + scheduleCalls);
    }
    return bad;
  }
}
