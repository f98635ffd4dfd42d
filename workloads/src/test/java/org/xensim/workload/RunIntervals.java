package org.xensim.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;

/**
 * Records when each vCPU runs, as {@code [from, to)} intervals keyed {@code domain.vcpu}; adjacent
 * intervals are merged (a block and a wake at one instant leave no gap).
 */
final class RunIntervals implements SimListener {
  private final Map<String, List<long[]>> runs = new HashMap<>();
  private final Map<String, Long> since = new HashMap<>();

  private static String key(VCpu v) {
    return v.domain().name() + "." + v.vcpuId();
  }

  @Override
  public void onRunstate(VCpu v, RunState from, RunState to, long now) {
    if (to == RunState.RUNNING) {
      since.put(key(v), now);
    } else if (from == RunState.RUNNING) {
      add(key(v), since.remove(key(v)), now);
    }
  }

  /** Closes the intervals still open at {@code end}. */
  void close(long end) {
    for (Map.Entry<String, Long> e : new ArrayList<>(since.entrySet())) {
      add(e.getKey(), e.getValue(), end);
    }
    since.clear();
  }

  private void add(String key, long from, long to) {
    if (to <= from) {
      return;
    }
    List<long[]> list = runs.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.isEmpty() && list.get(list.size() - 1)[1] == from) {
      list.get(list.size() - 1)[1] = to;
    } else {
      list.add(new long[] {from, to});
    }
  }

  /** The intervals of {@code domain.vcpu}, as "from-to" strings. */
  List<String> of(String key) {
    List<String> out = new ArrayList<>();
    for (long[] r : runs.getOrDefault(key, List.of())) {
      out.add(r[0] + "-" + r[1]);
    }
    return out;
  }

  /** Running time of {@code key} within {@code [from, to)}. */
  long runningIn(String key, long from, long to) {
    long sum = 0;
    for (long[] r : runs.getOrDefault(key, List.of())) {
      sum += Math.max(0, Math.min(to, r[1]) - Math.max(from, r[0]));
    }
    return sum;
  }
}
