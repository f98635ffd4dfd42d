package org.xensim.core.engine;

import java.util.Arrays;

/**
 * The one event queue: an indexed 4-ary min-heap of {@link Timer}s ordered by (expiry, arming
 * sequence). Arm, re-arm and cancel are O(log n) and allocation-free once the heap has grown.
 * Keys live in arrays parallel to the heap, so sifting compares without touching timer objects.
 * A timer armed for the current instant (a raised schedule softirq, mostly) skips the heap: it
 * joins a FIFO of "due now" timers, which keeps the same (expiry, sequence) order at O(1).
 */
public final class EventQueue {
  private Timer[] heap = new Timer[64];
  private long[] whens = new long[64];
  private long[] seqs = new long[64];
  private int size;
  private long nextSeq;
  private Timer firing;
  private long firingSeq;
  /** The instant being processed; timers armed for it go to the FIFO. */
  private long now = Long.MIN_VALUE;
  private Timer[] due = new Timer[64];
  private long[] dueSeqs = new long[64];
  private int dueHead;
  private int dueCount;

  /** Creates a timer whose handler runs on {@code cpu} (use -1 for host-wide events). */
  public Timer newTimer(int cpu, Runnable action) {
    return new Timer(this, cpu, action);
  }

  public boolean isEmpty() {
    return peekTime() == Long.MAX_VALUE;
  }

  /** Moves the clock of the queue: timers armed for {@code t} from now on are "due now". */
  void advanceTo(long t) {
    now = t;
  }

  /** Drops stale FIFO entries (cancelled or re-armed since) from its head. */
  private boolean dueValid() {
    while (dueCount > 0) {
      Timer t = due[dueHead];
      if (t.heapIndex == IN_DUE && t.seq == dueSeqs[dueHead]) {
        return true;
      }
      due[dueHead] = null;
      dueHead = (dueHead + 1) & (due.length - 1);
      dueCount--;
    }
    return false;
  }

  /** Whether the FIFO's head comes before the heap's top in (expiry, sequence) order. */
  private boolean dueFirst() {
    return dueValid() && (size == 0 || whens[0] > now
        || (whens[0] == now && seqs[0] > dueSeqs[dueHead]));
  }

  /** Expiry of the earliest timer, or {@link Long#MAX_VALUE} if none. */
  public long peekTime() {
    if (dueValid()) {
      return size == 0 || whens[0] > now ? now : whens[0];
    }
    return size == 0 ? Long.MAX_VALUE : whens[0];
  }

  /** The earliest timer, left in the queue; null if none. */
  Timer peek() {
    if (dueFirst()) {
      return due[dueHead];
    }
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest timer (it becomes inactive). */
  public Timer poll() {
    if (dueFirst()) {
      return popDue();
    }
    Timer top = heap[0];
    removeAt(0);
    return top;
  }

  private Timer popDue() {
    Timer t = due[dueHead];
    due[dueHead] = null;
    dueHead = (dueHead + 1) & (due.length - 1);
    dueCount--;
    t.heapIndex = -1;
    return t;
  }

  private void pushDue(Timer t) {
    if (dueCount == due.length) {
      int n = due.length * 2;
      Timer[] d = new Timer[n];
      long[] s = new long[n];
      for (int i = 0; i < dueCount; i++) {
        int j = (dueHead + i) & (due.length - 1);
        d[i] = due[j];
        s[i] = dueSeqs[j];
      }
      due = d;
      dueSeqs = s;
      dueHead = 0;
    }
    int tail = (dueHead + dueCount) & (due.length - 1);
    due[tail] = t;
    dueSeqs[tail] = t.seq;
    dueCount++;
    t.heapIndex = IN_DUE;
  }

  /** {@link Timer#heapIndex} of a timer waiting in the "due now" FIFO. */
  static final int IN_DUE = -2;

  /**
   * Runs the earliest timer's handler. The timer stays at the root while its handler runs and
   * counts as inactive; if the handler re-arms it (the common case: ticks, periodic wakes), the
   * re-arm is one sift instead of a removal plus an insertion.
   */
  void fireFirst() {
    if (dueFirst()) {
      popDue().action.run();
      return;
    }
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
    if (whenNs < now) {
      // An expiry in the past fires at once, as Xen's set_timer() does: time never goes back.
      whenNs = now;
    }
    t.whenNs = whenNs;
    long seq = nextSeq++;
    t.seq = seq;
    int i = t.heapIndex;
    if (whenNs == now && !isFiringSlot(t)) {
      if (i >= 0) {
        removeAt(i);
      }
      pushDue(t);
      return;
    }
    if (i == IN_DUE) {
      i = -1;
    }
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
    if (t.heapIndex == IN_DUE) {
      t.heapIndex = -1;
    } else if (t.heapIndex >= 0 && !isFiring(t)) {
      removeAt(t.heapIndex);
    }
  }

  /** The timer firing at the heap's root: re-arming it must keep it in the heap. */
  private boolean isFiringSlot(Timer t) {
    return t == firing && t.heapIndex == 0;
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
    if (i > 0 && before(w, s, whens[(i - 1) >>> 2], seqs[(i - 1) >>> 2])) {
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
      int parent = (i - 1) >>> 2;
      if (!before(w, s, whens[parent], seqs[parent])) {
        break;
      }
      place(i, heap[parent], whens[parent], seqs[parent]);
      i = parent;
    }
    place(i, t, w, s);
  }

  private void siftDown(int i, Timer t, long w, long s) {
    int n = size;
    while (true) {
      int first = 4 * i + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bw = whens[first];
      long bs = seqs[first];
      int last = Math.min(first + 4, n);
      for (int c = first + 1; c < last; c++) {
        long cw = whens[c];
        if (cw < bw || (cw == bw && seqs[c] < bs)) {
          best = c;
          bw = cw;
          bs = seqs[c];
        }
      }
      if (!before(bw, bs, w, s)) {
        break;
      }
      place(i, heap[best], bw, bs);
      i = best;
    }
    place(i, t, w, s);
  }

}
