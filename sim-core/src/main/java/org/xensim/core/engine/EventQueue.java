package org.xensim.core.engine;

import java.util.Arrays;

/**
 * The one event queue: an indexed binary min-heap of {@link Timer}s ordered by (expiry, arming
 * sequence). Arm, re-arm and cancel are O(log n) and allocation-free once the heap has grown.
 * Keys live in arrays parallel to the heap, so sifting compares without touching timer objects.
 */
public final class EventQueue {
  private Timer[] heap = new Timer[64];
  private long[] whens = new long[64];
  private long[] seqs = new long[64];
  private int size;
  private long nextSeq;
  private Timer firing;
  private long firingSeq;

  /** Creates a timer whose handler runs on {@code cpu} (use -1 for host-wide events). */
  public Timer newTimer(int cpu, Runnable action) {
    return new Timer(this, cpu, action);
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Expiry of the earliest timer, or {@link Long#MAX_VALUE} if none. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : whens[0];
  }

  /** The earliest timer, left in the queue; null if none. */
  Timer peek() {
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest timer (it becomes inactive). */
  public Timer poll() {
    Timer top = heap[0];
    removeAt(0);
    return top;
  }

  /**
   * Runs the earliest timer's handler. The timer stays at the root while its handler runs and
   * counts as inactive; if the handler re-arms it (the common case: ticks, periodic wakes), the
   * re-arm is one sift instead of a removal plus an insertion.
   */
  void fireFirst() {
    Timer t = heap[0];
    long seq = t.seq;
    firing = t;
    firingSeq = seq;
    t.action.run();
    firing = null;
    if (t.heapIndex >= 0 && t.seq == seq) {
      removeAt(t.heapIndex);
    }
  }

  /** True while {@code t}'s own handler runs and it has not re-armed itself. */
  boolean isFiring(Timer t) {
    return t == firing && t.seq == firingSeq;
  }

  void arm(Timer t, long whenNs) {
    t.whenNs = whenNs;
    long seq = nextSeq++;
    t.seq = seq;
    int i = t.heapIndex;
    if (i >= 0) {
      long oldWhen = whens[i];
      whens[i] = whenNs;
      seqs[i] = seq;
      // A fresh sequence number makes the timer later than any equal-time peer, so it moves
      // up only if its expiry moved earlier.
      if (whenNs < oldWhen) {
        siftUp(i, t, whenNs, seq);
      } else {
        siftDown(i, t, whenNs, seq);
      }
      return;
    }
    if (size == heap.length) {
      int n = size * 2;
      heap = Arrays.copyOf(heap, n);
      whens = Arrays.copyOf(whens, n);
      seqs = Arrays.copyOf(seqs, n);
    }
    siftUp(size++, t, whenNs, seq);
  }

  void cancel(Timer t) {
    if (t.heapIndex >= 0 && !isFiring(t)) {
      removeAt(t.heapIndex);
    }
  }

  private void removeAt(int i) {
    heap[i].heapIndex = -1;
    int last = --size;
    Timer moved = heap[last];
    heap[last] = null;
    if (i == last) {
      return;
    }
    long w = whens[last];
    long s = seqs[last];
    if (i > 0 && before(w, s, whens[(i - 1) >>> 1], seqs[(i - 1) >>> 1])) {
      siftUp(i, moved, w, s);
    } else {
      siftDown(i, moved, w, s);
    }
  }

  private static boolean before(long w1, long s1, long w2, long s2) {
    return w1 < w2 || (w1 == w2 && s1 < s2);
  }

  private void place(int i, Timer t, long w, long s) {
    heap[i] = t;
    whens[i] = w;
    seqs[i] = s;
    t.heapIndex = i;
  }

  private void siftUp(int i, Timer t, long w, long s) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(w, s, whens[parent], seqs[parent])) {
        break;
      }
      place(i, heap[parent], whens[parent], seqs[parent]);
      i = parent;
    }
    place(i, t, w, s);
  }

  private void siftDown(int i, Timer t, long w, long s) {
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(whens[right], seqs[right], whens[child], seqs[child])) {
        child = right;
      }
      if (!before(whens[child], seqs[child], w, s)) {
        break;
      }
      place(i, heap[child], whens[child], seqs[child]);
      i = child;
    }
    place(i, t, w, s);
  }
}
