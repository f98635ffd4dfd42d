package org.xensim.sched.rtds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;

/**
 * Records per-pCPU runs and scheduler invocations the way {@code check-timeline} reads a trace:
 * a run of {@code "X"} (vCPU 0 of domain X) or {@code "X.i"} from its {@code run} event to the
 * pCPU's next {@code run} / {@code idle} event; consecutive runs of one vCPU merge.
 */
final class TimelineRecorder implements SimListener {
  /** One run {@code [startNs, endNs)} of {@code who} on a pCPU. */
  record Run(String who, long startNs, long endNs) {
    @Override
    public String toString() {
      return who + "[" + startNs / 1e6 + "," + endNs / 1e6 + ")";
    }
  }

  private final Map<Integer, List<Run>> runs = new TreeMap<>();
  private final Map<Integer, String> curWho = new TreeMap<>();
  private final Map<Integer, Long> curStart = new TreeMap<>();
  private final Map<Integer, Integer> calls = new TreeMap<>();
  private final Map<Integer, Integer> repolls = new TreeMap<>();
  private int migrations;

  static String name(VCpu v) {
    return v.vcpuId() == 0 ? v.domain().name() : v.domain().name() + "." + v.vcpuId();
  }

  @Override
  public void onSchedule(int cpu, long now) {
    calls.merge(cpu, 1, Integer::sum);
  }

  @Override
  public void onIdleRepoll(int cpu, long now) {
    repolls.merge(cpu, 1, Integer::sum);
  }

  @Override
  public void onRun(int cpu, VCpu v, long sliceNs, long now) {
    switchTo(cpu, name(v), now);
  }

  @Override
  public void onIdle(int cpu, long now) {
    switchTo(cpu, null, now);
  }

  @Override
  public void onMigrate(VCpu v, int from, int to, long now) {
    migrations++;
  }

  private void switchTo(int cpu, String who, long now) {
    close(cpu, now);
    if (who != null) {
      curWho.put(cpu, who);
      curStart.put(cpu, now);
    }
  }

  private void close(int cpu, long now) {
    String who = curWho.remove(cpu);
    if (who == null) {
      return;
    }
    long s = curStart.remove(cpu);
    List<Run> list = runs.computeIfAbsent(cpu, k -> new ArrayList<>());
    if (!list.isEmpty() && list.get(list.size() - 1).who().equals(who)
        && list.get(list.size() - 1).endNs() == s) {
      Run last = list.remove(list.size() - 1);
      s = last.startNs();
    }
    if (now > s) {
      list.add(new Run(who, s, now));
    }
  }

  /** The runs of {@code cpu} up to {@code endNs} (open runs are cut there). */
  List<Run> runs(int cpu, long endNs) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs.getOrDefault(cpu, List.of())) {
      if (r.startNs() < endNs) {
        out.add(new Run(r.who(), r.startNs(), Math.min(r.endNs(), endNs)));
      }
    }
    String who = curWho.get(cpu);
    if (who != null && curStart.get(cpu) < endNs) {
      long s = curStart.get(cpu);
      if (!out.isEmpty() && out.get(out.size() - 1).who().equals(who)
          && out.get(out.size() - 1).endNs() == s) {
        s = out.remove(out.size() - 1).startNs();
      }
      out.add(new Run(who, s, endNs));
    }
    return out;
  }

  int scheduleCalls() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  int scheduleCalls(int cpu) {
    return calls.getOrDefault(cpu, 0);
  }

  int idleRepolls() {
    return repolls.values().stream().mapToInt(Integer::intValue).sum();
  }

  int migrations() {
    return migrations;
  }
}
