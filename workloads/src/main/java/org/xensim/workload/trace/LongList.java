package org.xensim.workload.trace;

import java.util.Arrays;

/** A growable array of longs (no boxing). */
final class LongList {
  private long[] a = new long[16];
  private int n;

  void add(long x) {
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    a[n++] = x;
  }

  int size() {
    return n;
  }

  long get(int i) {
    return a[i];
  }

  long last() {
    return a[n - 1];
  }

  long[] toArray() {
    return Arrays.copyOf(a, n);
  }
}
