package org.xensim.sched.rtds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a results folder's {@code trace.csv} the way {@code shared/tools/check-timeline} does:
 * per pCPU, a run lasts from a {@code run} (or {@code idle}, shown as {@code "-"}) row to the
 * pCPU's next row naming someone else; {@code schedule} rows before T are counted.
 */
final class TraceTimeline {
  private final Map<Integer, List<ExpectedTimeline.Run>> runs = new HashMap<>();
  private int scheduleCalls;

  TraceTimeline(Path resultsDir, long untilNs) {
    Map<Integer, String> curWho = new HashMap<>();
    Map<Integer, Long> curStart = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(resultsDir.resolve("trace.csv"))) {
      String header = in.readLine();
      if (!header.startsWith("time_ns,pcpu,event,domain,vcpu,detail")) {
        throw new IllegalStateException("unexpected trace header " + header);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        long t = Long.parseLong(f[0]);
        String ev = f[2];
        if (ev.equals("schedule") && t < untilNs) {
          scheduleCalls++;
        }
        if (!ev.equals("run") && !ev.equals("idle")) {
          continue;
        }
        int p = Integer.parseInt(f[1]);
        String who = ev.equals("idle") ? "-"
            : ExpectedTimeline.name(f[3], f[4].isEmpty() ? 0 : Integer.parseInt(f[4]));
        if (who.equals(curWho.get(p))) {
          continue;
        }
        close(p, t, untilNs, curWho, curStart);
        curWho.put(p, who);
        curStart.put(p, t);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Integer p : new ArrayList<>(curWho.keySet())) {
      close(p, untilNs, untilNs, curWho, curStart);
    }
  }

  private void close(int p, long t, long untilNs, Map<Integer, String> curWho,
      Map<Integer, Long> curStart) {
    String who = curWho.remove(p);
    if (who == null) {
      return;
    }
    long s = curStart.remove(p);
    if (s < untilNs) {
      runs.computeIfAbsent(p, k -> new ArrayList<>())
          .add(new ExpectedTimeline.Run(who, s, Math.min(t, untilNs)));
    }
  }

  List<ExpectedTimeline.Run> runs(int cpu) {
    return runs.getOrDefault(cpu, List.of());
  }

  int scheduleCalls() {
    return scheduleCalls;
  }
}
