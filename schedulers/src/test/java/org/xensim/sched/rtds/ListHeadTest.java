package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedParams;

/** {@link ListHead} keeps Xen's list order: deadline insertion is LIFO among equal deadlines. */
class ListHeadTest {
  private static int ids;

  static RtVcpu svc(String name, long deadline) {
    Domain d = new Domain(ids, name, 0, SchedParams.EMPTY, false);
    CpuMask all = new CpuMask();
    all.set(0);
    RtVcpu s = new RtVcpu(new VCpu(ids++, d, 0, 0, all, all, SchedParams.EMPTY), 10, 1);
    s.curDeadline = deadline;
    return s;
  }

  static List<String> names(ListHead q) {
    List<String> out = new ArrayList<>();
    for (ListHead i = q.next; i != q; i = i.next) {
      out.add(i.owner.vcpu.domain().name());
    }
    return out;
  }

  @Test
  void deadlineInsertIsLifoAmongEqualDeadlinesAndReportsTheHead() {
    ListHead q = ListHead.newQueue();
    assertThat(ListHead.deadlineQueueInsert(svc("a", 10), svc("a", 0).qElem, q)).isTrue();
    q = ListHead.newQueue();
    RtVcpu a = svc("a", 10);
    RtVcpu b = svc("b", 20);
    RtVcpu c = svc("c", 10);
    RtVcpu d = svc("d", 5);
    assertThat(ListHead.deadlineQueueInsert(a, a.qElem, q)).isTrue();
    assertThat(ListHead.deadlineQueueInsert(b, b.qElem, q)).isFalse();
    assertThat(ListHead.deadlineQueueInsert(c, c.qElem, q)).as("tie goes first").isTrue();
    assertThat(ListHead.deadlineQueueInsert(d, d.qElem, q)).isTrue();
    assertThat(names(q)).containsExactly("d", "c", "a", "b");
  }

  @Test
  void removeSaysWhetherTheHeadLeftAndIsANoOpOffQueue() {
    ListHead q = ListHead.newQueue();
    RtVcpu a = svc("a", 1);
    RtVcpu b = svc("b", 2);
    ListHead.deadlineQueueInsert(a, a.replqElem, q);
    ListHead.deadlineQueueInsert(b, b.replqElem, q);
    assertThat(ListHead.deadlineQueueRemove(q, b.replqElem)).isFalse();
    assertThat(b.replqElem.isEmpty()).isTrue();
    assertThat(ListHead.deadlineQueueRemove(q, b.replqElem)).isFalse();
    assertThat(ListHead.deadlineQueueRemove(q, a.replqElem)).isTrue();
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void addPutsAtTheHeadAndAddTailAtTheEnd() {
    ListHead q = ListHead.newQueue();
    RtVcpu a = svc("a", 1);
    RtVcpu b = svc("b", 1);
    RtVcpu c = svc("c", 1);
    a.qElem.add(q);
    b.qElem.add(q);
    c.qElem.addTail(q);
    assertThat(names(q)).containsExactly("b", "a", "c");
  }
}
