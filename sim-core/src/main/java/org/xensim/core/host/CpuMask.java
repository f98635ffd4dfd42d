package org.xensim.core.host;

import java.util.Arrays;

/**
 * A set of pCPUs: Xen's {@code cpumask_t}. Plain {@code long} words, so the operations the
 * schedulers do on every tick and pass (and, or, subset, weight, first, next) are a few
 * instructions for hosts of up to 64 pCPUs. Method names follow {@link java.util.BitSet} where
 * they mean the same; Xen's own helpers ({@code cpumask_cycle}, ...) are in {@link CpuMasks}.
 */
public final class CpuMask implements Cloneable {
  private long[] words;

  /** An empty mask. */
  public CpuMask() {
    this(64);
  }

  /** An empty mask with room for pCPUs {@code 0 .. nbits-1} (it grows if needed). */
  public CpuMask(int nbits) {
    words = new long[Math.max(1, (nbits + 63) >>> 6)];
  }

  private CpuMask(long[] words) {
    this.words = words;
  }

  /** A mask of the given pCPUs. */
  public static CpuMask of(int... cpus) {
    CpuMask m = new CpuMask();
    for (int c : cpus) {
      m.set(c);
    }
    return m;
  }

  private void ensure(int wordIndex) {
    if (wordIndex >= words.length) {
      words = Arrays.copyOf(words, Math.max(wordIndex + 1, words.length * 2));
    }
  }

  public boolean get(int cpu) {
    int w = cpu >>> 6;
    return w < words.length && (words[w] & (1L << cpu)) != 0;
  }

  public void set(int cpu) {
    int w = cpu >>> 6;
    ensure(w);
    words[w] |= 1L << cpu;
  }

  /** Adds pCPUs {@code from .. to-1}. */
  public void set(int from, int to) {
    for (int c = from; c < to; c++) {
      set(c);
    }
  }

  public void clear(int cpu) {
    int w = cpu >>> 6;
    if (w < words.length) {
      words[w] &= ~(1L << cpu);
    }
  }

  /** Empties the mask. */
  public void clear() {
    Arrays.fill(words, 0L);
  }

  /** {@code this = other} ({@code cpumask_copy}). */
  public void copyFrom(CpuMask other) {
    long[] o = other.words;
    if (o.length == 1 && words.length == 1) {
      words[0] = o[0];
      return;
    }
    if (words.length < o.length) {
      words = new long[o.length];
    }
    System.arraycopy(o, 0, words, 0, o.length);
    for (int i = o.length; i < words.length; i++) {
      words[i] = 0;
    }
  }

  /** {@code this |= other}. */
  public void or(CpuMask other) {
    long[] o = other.words;
    if (o.length == 1) {
      words[0] |= o[0];
      return;
    }
    ensure(o.length - 1);
    for (int i = 0; i < o.length; i++) {
      words[i] |= o[i];
    }
  }

  /** {@code this &= other}. */
  public void and(CpuMask other) {
    long[] o = other.words;
    if (o.length == 1 && words.length == 1) {
      words[0] &= o[0];
      return;
    }
    int n = Math.min(words.length, o.length);
    for (int i = 0; i < n; i++) {
      words[i] &= o[i];
    }
    for (int i = n; i < words.length; i++) {
      words[i] = 0;
    }
  }

  /** {@code this &= ~other}. */
  public void andNot(CpuMask other) {
    long[] o = other.words;
    if (o.length == 1) {
      words[0] &= ~o[0];
      return;
    }
    int n = Math.min(words.length, o.length);
    for (int i = 0; i < n; i++) {
      words[i] &= ~o[i];
    }
  }

  /** {@code cpumask_intersects()}. */
  public boolean intersects(CpuMask other) {
    long[] o = other.words;
    if (o.length == 1) {
      return (words[0] & o[0]) != 0;
    }
    int n = Math.min(words.length, o.length);
    for (int i = 0; i < n; i++) {
      if ((words[i] & o[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code cpumask_subset(this, other)}: every member of this is in other. */
  public boolean isSubsetOf(CpuMask other) {
    long[] o = other.words;
    if (o.length == 1 && words.length == 1) {
      return (words[0] & ~o[0]) == 0;
    }
    for (int i = 0; i < words.length; i++) {
      long ow = i < o.length ? o[i] : 0;
      if ((words[i] & ~ow) != 0) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    if (words.length == 1) {
      return words[0] == 0;
    }
    for (long w : words) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code cpumask_weight()}. */
  public int cardinality() {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** The lowest member at or above {@code from}, or -1. */
  public int nextSetBit(int from) {
    if (from < 0) {
      from = 0;
    }
    int w = from >>> 6;
    if (w >= words.length) {
      return -1;
    }
    long word = words[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w == words.length) {
        return -1;
      }
      word = words[w];
    }
  }

  /** The lowest non-member at or above {@code from}. */
  public int nextClearBit(int from) {
    int w = from >>> 6;
    if (w >= words.length) {
      return from;
    }
    long word = ~words[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w == words.length) {
        return words.length << 6;
      }
      word = ~words[w];
    }
  }

  @Override
  public CpuMask clone() {
    return new CpuMask(words.clone());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CpuMask m)) {
      return false;
    }
    int n = Math.max(words.length, m.words.length);
    for (int i = 0; i < n; i++) {
      long a = i < words.length ? words[i] : 0;
      long b = i < m.words.length ? m.words[i] : 0;
      if (a != b) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    long h = 1234;
    for (int i = words.length; --i >= 0; ) {
      h ^= words[i] * (i + 1);
    }
    return (int) ((h >> 32) ^ h);
  }

  /** xl's syntax, e.g. {@code 0-3,8}. */
  @Override
  public String toString() {
    return CpuMasks.format(this);
  }
}
