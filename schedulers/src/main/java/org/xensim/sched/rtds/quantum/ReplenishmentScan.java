package org.xensim.sched.rtds.quantum;

import org.xensim.sched.rtds.ListHead;
import org.xensim.sched.rtds.RtQueues;
import org.xensim.sched.rtds.RtVcpu;

// models __repl_update()
/**
 * Models 4.6's {@code __repl_update()}: the replenishment scan. First the run queue's head while
 * its deadline has passed (refill, re-sort), then the whole depleted queue from its head (refill
 * every vCPU whose deadline has passed and move it to the run queue). A running vCPU is on no
 * queue, so it is never refilled here.
 */
final class ReplenishmentScan {
  private final RtQueues queues;

  ReplenishmentScan(RtQueues queues) {
    this.queues = queues;
  }

  void run(long now) {
    ListHead runq = queues.runq();
    ListHead iter = runq.next();
    while (iter != runq) {
      ListHead tmp = iter.next();
      RtVcpu svc = iter.owner();
      if (now < svc.curDeadline()) {
        break;
      }
      svc.updateDeadline(now);
      queues.qRemove(svc);
      queues.runqInsert(svc);
      iter = tmp;
    }

    ListHead depletedq = queues.depletedq();
    iter = depletedq.next();
    while (iter != depletedq) {
      ListHead tmp = iter.next();
      RtVcpu svc = iter.owner();
      if (now >= svc.curDeadline()) {
        svc.updateDeadline(now);
        queues.qRemove(svc);
        queues.runqInsert(svc);
      }
      iter = tmp;
    }
  }
}
