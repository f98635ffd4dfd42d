package org.xensim.sched.credit;

import org.xensim.core.engine.Timer;

// models csched_init_pdata() state: struct csched_pcpu
/** Credit's per-pCPU data: Xen's {@code struct csched_pcpu} ({@code init_pdata()}). */
final class CreditPcpu {
  final int cpu;
  /** {@code runq}: by priority, FIFO within one; holds the idle vCPU while it is not running. */
  final ListHead<CreditVcpu> runq = ListHead.head();
  /** {@code runq_sort_last}: the accounting epoch this runqueue was last sorted for. */
  int runqSortLast;
  /** {@code ticker}: the 10 ms tick ({@code csched_tick()}). */
  Timer ticker;
  /** {@code tick}: ticks so far. */
  int tick;
  /** {@code idle_bias}: which thread of an idle core _csched_cpu_pick() prefers next. */
  int idleBias;

  CreditPcpu(int cpu) {
    this.cpu = cpu;
  }
}
