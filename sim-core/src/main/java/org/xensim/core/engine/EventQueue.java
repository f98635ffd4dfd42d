package org.xensim.core.engine;

import java.util.Arrays;

/**
 * The one event queue: an indexed binary min-heap of {@link Timer}s ordered by (expiry, arming
 * sequence). Arm, re-arm and cancel are O(log n) and allocation-free once the heap has grown.
 */
public final class EventQueue {
  private Timer[] heap = new Timer[64];
  private int size;
  private long nextSeq;

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
    return size == 0 ? Long.MAX_VALUE : heap[0].whenNs;
  }

  /** Removes and returns the earliest timer (it becomes inactive). */
  public Timer poll() {
    Timer top = heap[0];
    removeAt(0);
    return top;
  }

  void arm(Timer t, long whenNs) {
    t.whenNs = whenNs;
    t.seq = nextSeq++;
    if (t.heapIndex >= 0) {
      int i = t.heapIndex;
      // A fresh sequence number makes the timer later than any equal-time peer: it can only
      // move down unless its expiry moved earlier.
      siftUp(i);
      siftDown(t.heapIndex);
      return;
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = t;
    t.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  void cancel(Timer t) {
    if (t.heapIndex >= 0) {
      removeAt(t.heapIndex);
    }
  }

  private void removeAt(int i) {
    Timer removed = heap[i];
    removed.heapIndex = -1;
    size--;
    if (i == size) {
      heap[size] = null;
      return;
    }
    Timer last = heap[size];
    heap[size] = null;
    heap[i] = last;
    last.heapIndex = i;
    siftUp(i);
    siftDown(last.heapIndex);
  }

  private static boolean before(Timer a, Timer b) {
    return a.whenNs < b.whenNs || (a.whenNs == b.whenNs && a.seq < b.seq);
  }

  private void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer p = heap[parent];
      if (!before(t, p)) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = t;
    t.heapIndex = i;
  }

  private void siftDown(int i) {
    Timer t = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      Timer c = heap[child];
      int right = child + 1;
      if (right < size && before(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!before(c, t)) {
        break;
      }
      heap[i] = c;
      c.heapIndex = i;
      i = child;
    }
    heap[i] = t;
    t.heapIndex = i;
  }
}
