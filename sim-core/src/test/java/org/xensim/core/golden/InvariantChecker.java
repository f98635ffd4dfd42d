package org.xensim.core.golden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;

/**
 * Checks, event by event, invariants every scheduler model must keep: a vCPU never runs on two
 * pCPUs at once, hard affinity is never broken, a vCPU only runs in its own pool, and time never
 * goes back. Collects violations instead of throwing, so a test can print them all.
 */
public final class InvariantChecker implements SimListener {
  private final Map<VCpu, Integer> runningOn = new HashMap<>();
  private final Map<Integer, VCpu> onCpu = new HashMap<>();
  private final java.util.function.IntUnaryOperator poolOfCpu;
  private final List<String> violations = new ArrayList<>();
  private long last;

  /** @param poolOfCpu the pool index of each pCPU */
  public InvariantChecker(java.util.function.IntUnaryOperator poolOfCpu) {
    this.poolOfCpu = poolOfCpu;
  }

  public List<String> violations() {
    return violations;
  }

  private void time(long now, String what) {
    if (now < last) {
      fail(now, "time went back from " + last + " (" + what + ")");
    }
    last = now;
  }

  private void fail(long now, String msg) {
    if (violations.size() < 20) {
      violations.add("t=" + now + "ns: " + msg);
    }
  }

  @Override
  public void onSchedule(int cpu, long now) {
    time(now, "schedule");
  }

  @Override
  public void onRun(int cpu, VCpu v, long sliceNs, long now) {
    time(now, "run");
    leave(cpu);
    Integer other = runningOn.get(v);
    if (other != null && other != cpu) {
      fail(now, v + " starts on pCPU " + cpu + " while running on pCPU " + other);
    }
    if (!v.hardAffinity().get(cpu)) {
      fail(now, v + " runs on pCPU " + cpu + " outside its hard affinity " + v.hardAffinity());
    }
    if (poolOfCpu.applyAsInt(cpu) != v.domain().poolId()) {
      fail(now, v + " runs on pCPU " + cpu + " outside its pool");
    }
    // Xen 4.7 Credit2's balancer may flag _VPF_migrating on the vCPU the same pass has just
    // chosen; it then runs its whole slice before moving (spec §4.12 case ii, golden G8)
    boolean onlyMigrating = v.pauseCount() == 0 && !v.hasPauseFlag(VCpu.VPF_BLOCKED)
        && !v.hasPauseFlag(VCpu.VPF_DOWN);
    if (!v.isRunnable() && !onlyMigrating) {
      fail(now, v + " starts running while not runnable");
    }
    runningOn.put(v, cpu);
    onCpu.put(cpu, v);
  }

  @Override
  public void onIdle(int cpu, long now) {
    time(now, "idle");
    leave(cpu);
  }

  private void leave(int cpu) {
    VCpu prev = onCpu.remove(cpu);
    if (prev != null) {
      runningOn.remove(prev);
    }
  }

  @Override
  public void onWake(VCpu v, long now) {
    time(now, "wake");
  }

  @Override
  public void onBlock(VCpu v, long now) {
    time(now, "block");
  }
}
