package org.xensim.core.metrics;

import java.util.ArrayList;
import java.util.List;
import org.xensim.core.host.CpuMask;

/**
 * Answers "who ran while you waited" in O(1) per context switch and O(domains of the pool) per
 * wait: for every distinct set of pCPUs a vCPU may run on (hard affinity within its pool) it keeps,
 * per domain of the pool (slot 0 = idle), a running integral of the pCPU-time that domain held on
 * those pCPUs. A wait is attributed as the difference of that integral between its end and its
 * start.
 */
final class WaitAttribution {
  /** One set of pCPUs with its per-slot integrals. */
  static final class Group {
    final CpuMask cpus;
    final int pool;
    /** pCPUs of the set that each slot holds now. */
    final int[] count;
    /** The integral up to {@link #last} per slot. */
    final long[] acc;
    final long[] last;

    Group(CpuMask cpus, int pool, int slots) {
      this.cpus = cpus;
      this.pool = pool;
      count = new int[slots];
      acc = new long[slots];
      last = new long[slots];
    }

    long value(int slot, long now) {
      return acc[slot] + count[slot] * (now - last[slot]);
    }

    void settle(int slot, long now) {
      acc[slot] += count[slot] * (now - last[slot]);
      last[slot] = now;
    }
  }

  private final int[] poolOfCpu;
  private final int[] slotsOfPool;
  private final int[] curSlot;
  private final List<Group> groups = new ArrayList<>();
  private Group[][] groupsOfCpu;

  /**
   * @param poolOfCpu the pool of each pCPU
   * @param slotsOfPool slots per pool: its domains plus one for idle
   */
  WaitAttribution(int[] poolOfCpu, int[] slotsOfPool) {
    this.poolOfCpu = poolOfCpu.clone();
    this.slotsOfPool = slotsOfPool.clone();
    this.curSlot = new int[poolOfCpu.length];
    this.groupsOfCpu = new Group[poolOfCpu.length][0];
  }

  int slots(int pool) {
    return slotsOfPool[pool];
  }

  /** {@code cpu} now runs the vCPU of {@code slot} (0 = idle) in its pool. */
  void switched(int cpu, int slot, long now) {
    int old = curSlot[cpu];
    if (old == slot) {
      return;
    }
    for (Group g : groupsOfCpu[cpu]) {
      g.settle(old, now);
      g.count[old]--;
      g.settle(slot, now);
      g.count[slot]++;
    }
    curSlot[cpu] = slot;
  }

  /**
   * The group of pCPUs {@code hard} ∩ pool, created the first time a set is seen. Allocates: call
   * it when a vCPU's hard affinity changes, not per wait.
   */
  Group group(CpuMask hard, int pool, long now) {
    CpuMask cpus = new CpuMask();
    for (int c = 0; c < poolOfCpu.length; c++) {
      if (poolOfCpu[c] == pool && hard.get(c)) {
        cpus.set(c);
      }
    }
    for (Group g : groups) {
      if (g.pool == pool && g.cpus.equals(cpus)) {
        return g;
      }
    }
    Group g = new Group(cpus, pool, slotsOfPool[pool]);
    for (int c = cpus.nextSetBit(0); c >= 0; c = cpus.nextSetBit(c + 1)) {
      g.count[curSlot[c]]++;
      Group[] old = groupsOfCpu[c];
      Group[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = g;
      groupsOfCpu[c] = grown;
    }
    java.util.Arrays.fill(g.last, now);
    groups.add(g);
    return g;
  }

  /** Copies every slot's integral at {@code now} into {@code into}. */
  static void snapshot(Group g, long[] into, long now) {
    for (int s = 0; s < into.length; s++) {
      into[s] = g.value(s, now);
    }
  }

  /** Adds to {@code into} what each slot held since {@code snapshot}. */
  static void accumulate(Group g, long[] snapshot, long[] into, long now) {
    for (int s = 0; s < into.length; s++) {
      into[s] += g.value(s, now) - snapshot[s];
    }
  }
}
