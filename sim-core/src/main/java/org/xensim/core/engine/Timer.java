package org.xensim.core.engine;

/**
 * A long-lived, re-armable timer: Xen's {@code struct timer}. Arming takes a fresh sequence
 * number, so timers due at the same instant fire in the order they were armed (spec §9 rule 1).
 * Owners keep their timers in fields and re-arm them; nothing is allocated per event.
 */
public final class Timer {
  final EventQueue queue;
  final Runnable action;
  /** The pCPU whose timer heap holds this timer: the CPU the handler runs on. */
  final int cpu;

  long whenNs;
  long seq;
  int heapIndex = -1;

  Timer(EventQueue queue, int cpu, Runnable action) {
    this.queue = queue;
    this.cpu = cpu;
    this.action = action;
  }

  /** Models {@code set_timer()}: (re-)arms the timer to fire at {@code whenNs}. */
  public void set(long whenNs) {
    queue.arm(this, whenNs);
  }

  /** Models {@code stop_timer()}: cancels the timer if it is armed. */
  public void stop() {
    queue.cancel(this);
  }

  public boolean isActive() {
    return (heapIndex >= 0 || heapIndex == EventQueue.IN_DUE) && !queue.isFiring(this);
  }

  /** The expiry of an active timer. */
  public long expiry() {
    return whenNs;
  }

  public int cpu() {
    return cpu;
  }
}
