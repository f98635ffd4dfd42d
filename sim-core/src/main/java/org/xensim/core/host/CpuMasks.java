package org.xensim.core.host;

import org.apache.commons.rng.UniformRandomProvider;

/** Xen's cpumask helpers over {@link CpuMask}, with the exact semantics the schedulers rely on. */
public final class CpuMasks {
  /** "No CPU" ({@code nr_cpu_ids} in Xen); any negative value. */
  public static final int NONE = -1;

  private CpuMasks() {}

  /** {@code cpumask_first()}: lowest member or {@link #NONE}. */
  public static int first(CpuMask m) {
    return m.nextSetBit(0);
  }

  /** {@code cpumask_next(n, m)}: lowest member strictly greater than n, or {@link #NONE}. */
  public static int next(int n, CpuMask m) {
    return m.nextSetBit(n + 1);
  }

  /** {@code cpumask_cycle(n, m)}: {@link #next}, wrapping round to {@link #first}. */
  public static int cycle(int n, CpuMask m) {
    int nxt = m.nextSetBit(n + 1);
    return nxt >= 0 ? nxt : m.nextSetBit(0);
  }

  /**
   * {@code cpumask_any()} as in Xen 4.7: a uniformly random member drawn from {@code rng}. A mask
   * of one member draws nothing (spec §9 rule 9).
   */
  public static int any(CpuMask m, UniformRandomProvider rng) {
    int w = m.cardinality();
    if (w == 0) {
      return NONE;
    }
    int cpu = m.nextSetBit(0);
    if (w == 1) {
      return cpu;
    }
    for (int k = rng.nextInt(w); k > 0; k--) {
      cpu = m.nextSetBit(cpu + 1);
    }
    return cpu;
  }

  /** Parses xl's cpu list syntax ({@code "0-3,8,10-11"}, {@code all}, {@code node:1}, {@code socket:0}). */
  public static CpuMask parse(String text, Topology topo) {
    CpuMask out = new CpuMask();
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty cpu list");
    }
    for (String part : s.split(",")) {
      String p = part.trim();
      boolean negate = p.startsWith("^");
      if (negate) {
        p = p.substring(1).trim();
      }
      CpuMask piece = new CpuMask();
      if (p.equals("all")) {
        piece.or(topo.allCpus());
      } else if (p.startsWith("node:") || p.startsWith("nodes:")) {
        for (int n : rangeOf(p.substring(p.indexOf(':') + 1), topo.nodes(), "node")) {
          piece.or(topo.nodeMask(n));
        }
      } else if (p.startsWith("socket:")) {
        int sockets = topo.nodes() * topo.socketsPerNode();
        for (int k : rangeOf(p.substring(7), sockets, "socket")) {
          piece.or(topo.socketCpus(k));
        }
      } else {
        for (int c : rangeOf(p, topo.nrCpus(), "pCPU")) {
          piece.set(c);
        }
      }
      if (negate) {
        out.andNot(piece);
      } else {
        out.or(piece);
      }
    }
    return out;
  }

  private static int[] rangeOf(String p, int limit, String what) {
    String[] ends = p.trim().split("-", -1);
    int lo;
    int hi;
    try {
      if (ends.length == 1) {
        lo = hi = Integer.parseInt(ends[0].trim());
      } else if (ends.length == 2) {
        lo = Integer.parseInt(ends[0].trim());
        hi = Integer.parseInt(ends[1].trim());
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + p + "' is not a number or a range like 0-3");
    }
    if (lo > hi) {
      throw new IllegalArgumentException("range " + p + " runs backwards");
    }
    if (lo < 0 || hi >= limit) {
      throw new IllegalArgumentException(
          what + " " + (lo < 0 ? lo : hi) + " does not exist (the host has " + what + "s 0-"
              + (limit - 1) + ")");
    }
    int[] out = new int[hi - lo + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = lo + i;
    }
    return out;
  }

  /** Formats a mask in xl's syntax, e.g. {@code 0-3,8}. */
  public static String format(CpuMask m) {
    StringBuilder sb = new StringBuilder();
    int i = m.nextSetBit(0);
    while (i >= 0) {
      int j = m.nextClearBit(i) - 1;
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(i);
      if (j > i) {
        sb.append('-').append(j);
      }
      i = m.nextSetBit(j + 1);
    }
    return sb.toString();
  }
}
