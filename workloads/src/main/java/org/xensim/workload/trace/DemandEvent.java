package org.xensim.workload.trace;

/** The events of a demand trace row. */
public enum DemandEvent {
  /** The vCPU is woken; with an amount, that much work arrives; without, it is busy until block. */
  WAKE("wake"),
  /** Work arrives (and wakes a blocked vCPU). */
  WORK("work"),
  /** The end of a busy window opened by an amount-less wake. */
  BLOCK("block");

  private final String label;

  DemandEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static DemandEvent named(String s) {
    for (DemandEvent e : values()) {
      if (e.label.equals(s)) {
        return e;
      }
    }
    return null;
  }
}
