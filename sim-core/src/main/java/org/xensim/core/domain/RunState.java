package org.xensim.core.domain;

/** Xen's vCPU runstates ({@code RUNSTATE_*} in {@code public/vcpu.h}). */
public enum RunState {
  RUNNING,
  RUNNABLE,
  BLOCKED,
  OFFLINE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
