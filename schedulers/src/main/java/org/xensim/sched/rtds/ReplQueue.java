package org.xensim.sched.rtds;

import org.xensim.core.engine.Timer;

// models repl_timer_handler() and the replenishment queue of sched_rt.c (4.7)
/**
 * The 4.7 replenishment queue ({@code rt_private.replq}) and its single timer
 * ({@code repl_timer}): every runnable vCPU, queued, depleted or running, sorted by its
 * {@code cur_deadline}, i.e. by its next replenishment. The timer is re-armed exactly where Xen
 * calls {@code set_timer} / {@code stop_timer} (spec §9 rule 7).
 */
final class ReplQueue {
  final ListHead replq = ListHead.newQueue();
  /** {@code repl_timer}; set by {@link #initTimer}. */
  private Timer timer;

  /** Models the timer set-up of {@code rt_init_pdata()} on the pool's first pCPU. */
  void initTimer(Timer t) {
    if (timer == null) {
      timer = t;
    }
  }

  boolean timerInitialised() {
    return timer != null;
  }

  /** {@code vcpu_on_replq()}. */
  static boolean onReplq(RtVcpu svc) {
    return !svc.replqElem.isEmpty();
  }

  boolean isEmpty() {
    return replq.isEmpty();
  }

  /** Models {@code replq_insert()}: re-arms the timer if {@code svc} became the head. */
  void insert(RtVcpu svc) {
    if (ListHead.deadlineQueueInsert(svc, svc.replqElem, replq)) {
      timer.set(svc.curDeadline);
    }
  }

  /**
   * Models {@code replq_remove()}: if {@code svc} was the head, re-arms the timer at the new
   * head's deadline or stops it.
   */
  void remove(RtVcpu svc) {
    if (ListHead.deadlineQueueRemove(replq, svc.replqElem)) {
      if (!replq.isEmpty()) {
        timer.set(replq.first().curDeadline);
      } else {
        timer.stop();
      }
    }
  }

  /**
   * Models {@code replq_reinsert()} after {@code svc}'s deadline changed: re-arms the timer if
   * {@code svc} was or becomes the head.
   */
  void reinsert(RtVcpu svc) {
    RtVcpu rearm = svc;
    boolean doRearm;
    if (ListHead.deadlineQueueRemove(replq, svc.replqElem)) {
      ListHead.deadlineQueueInsert(svc, svc.replqElem, replq);
      rearm = replq.first();
      doRearm = true;
    } else {
      doRearm = ListHead.deadlineQueueInsert(svc, svc.replqElem, replq);
    }
    if (doRearm) {
      timer.set(rearm.curDeadline);
    }
  }

  /** The end of {@code repl_timer_handler()}: re-arm at the head's deadline if any. */
  void rearmAtHead() {
    if (!replq.isEmpty()) {
      timer.set(replq.first().curDeadline);
    }
  }
}
