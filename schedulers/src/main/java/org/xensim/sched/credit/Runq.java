package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_YIELD;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_IDLE;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_UNDER;

// models __runq_insert() of sched_credit.c
/**
 * The per-pCPU runqueue operations of {@code sched_credit.c}: a plain ordered list (never a
 * priority queue), whose order can be stale between an accounting and the pCPU's next tick
 * (spec §3.3).
 */
final class Runq {
  private final CreditPrivate prv;

  Runq(CreditPrivate prv) {
    this.prv = prv;
  }

  /** {@code RUNQ(cpu)}. */
  ListHead<CreditVcpu> of(int cpu) {
    return prv.pcpu[cpu].runq;
  }

  /**
   * Models {@code sched_credit.c:__runq_insert()}: into the runqueue of {@code svc}'s processor,
   * before the first element of strictly lower priority; a yielding vCPU goes one further, behind
   * one lower-priority non-idle vCPU.
   */
  void insert(CreditVcpu svc) {
    if (svc.onRunq()) {
      throw new IllegalStateException(svc + " is already on a runqueue");
    }
    ListHead<CreditVcpu> runq = of(svc.vcpu.processor());
    ListHead<CreditVcpu> iter = runq.next();
    while (iter != runq) {
      if (svc.pri > iter.owner().pri) {
        break;
      }
      iter = iter.next();
    }
    // In Xen, reaching the end of the list reads the list head as if it were a vCPU (its "pri"
    // is whatever lies there). It cannot happen: a yielding vCPU is inserted only while it is
    // current, so its pCPU's idle vCPU is queued and the walk stops there at the latest.
    if (svc.testFlag(CSCHED_FLAG_VCPU_YIELD) && iter != runq
        && iter.owner().pri > CSCHED_PRI_IDLE) {
      iter = iter.next();
    }
    svc.runqElem.addBefore(iter);
  }

  /** Models {@code sched_credit.c:__runq_remove()}. */
  void remove(CreditVcpu svc) {
    if (!svc.onRunq()) {
      throw new IllegalStateException(svc + " is not on a runqueue");
    }
    svc.runqElem.delInit();
  }

  /** Models {@code IS_RUNQ_IDLE(cpu)}: the runqueue is empty or its head is the idle vCPU. */
  boolean isIdle(int cpu) {
    ListHead<CreditVcpu> runq = of(cpu);
    return runq.isEmpty() || runq.first().vcpu.isIdle();
  }

  /**
   * Models {@code csched_runq_sort()}: once per accounting epoch, one stable pass moving every
   * BOOST or UNDER element ahead of every OVER one (the idle vCPU stays last).
   */
  void sort(int cpu) {
    CreditPcpu spc = prv.pcpu[cpu];
    int sortEpoch = prv.runqSort;
    if (sortEpoch == spc.runqSortLast) {
      return;
    }
    spc.runqSortLast = sortEpoch;
    ListHead<CreditVcpu> runq = spc.runq;
    ListHead<CreditVcpu> elem = runq.next();
    ListHead<CreditVcpu> lastUnder = runq;
    while (elem != runq) {
      ListHead<CreditVcpu> next = elem.next();
      if (elem.owner().pri >= CSCHED_PRI_TS_UNDER) {
        if (elem.prev() != lastUnder) {
          elem.delInit();
          elem.addAfter(lastUnder);
        }
        lastUnder = elem;
      }
      elem = next;
    }
  }
}
