package org.xensim.sched.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_YIELD;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_IDLE;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_BOOST;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_OVER;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_UNDER;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedParams;

/** {@code __runq_insert()}, {@code IS_RUNQ_IDLE}, {@code csched_runq_sort()} (spec §3.3, §3.7). */
class RunqTest {
  private CreditPrivate prv;
  private Runq runq;
  private CreditVcpu idle;
  private int ids;

  @BeforeEach
  void setUp() {
    prv = new CreditPrivate(2, 30, 1000, true, 0, false);
    prv.pcpu[0] = new CreditPcpu(0);
    runq = new Runq(prv);
    Domain idleDom = new Domain(-1, "idle", -1, SchedParams.EMPTY, true);
    idle = new CreditVcpu(vcpu(idleDom, "idle"), null, CSCHED_PRI_IDLE);
  }

  private VCpu vcpu(Domain d, String unused) {
    CpuMask m = new CpuMask();
    m.set(0, 2);
    return new VCpu(ids++, d, d.vcpus().size(), 0, m, m.clone(), SchedParams.EMPTY);
  }

  private CreditVcpu svc(String name, int pri) {
    Domain d = new Domain(ids, name, 0, SchedParams.EMPTY, false);
    return new CreditVcpu(vcpu(d, name), new CreditDom(d, 256, 0), pri);
  }

  private List<String> order() {
    List<String> out = new ArrayList<>();
    ListHead<CreditVcpu> q = runq.of(0);
    for (ListHead<CreditVcpu> it = q.next(); it != q; it = it.next()) {
      out.add(it.owner().vcpu.isIdle() ? "idle" : it.owner().vcpu.domain().name());
    }
    return out;
  }

  @Test
  void sortedByPriorityFifoWithinOne() {
    runq.insert(idle);
    runq.insert(svc("U1", CSCHED_PRI_TS_UNDER));
    runq.insert(svc("O1", CSCHED_PRI_TS_OVER));
    runq.insert(svc("B1", CSCHED_PRI_TS_BOOST));
    runq.insert(svc("U2", CSCHED_PRI_TS_UNDER));
    runq.insert(svc("B2", CSCHED_PRI_TS_BOOST));
    assertThat(order()).containsExactly("B1", "B2", "U1", "U2", "O1", "idle");
  }

  @Test
  void yieldingVcpuGoesBehindOneLowerPriorityVcpu() {
    runq.insert(idle);
    runq.insert(svc("U1", CSCHED_PRI_TS_UNDER));
    runq.insert(svc("O1", CSCHED_PRI_TS_OVER));
    runq.insert(svc("O2", CSCHED_PRI_TS_OVER));
    CreditVcpu y = svc("Y", CSCHED_PRI_TS_UNDER);
    y.setFlag(CSCHED_FLAG_VCPU_YIELD);
    runq.insert(y);
    assertThat(order()).containsExactly("U1", "O1", "Y", "O2", "idle");
  }

  @Test
  void yieldingVcpuNeverGoesBehindTheIdleVcpu() {
    runq.insert(idle);
    runq.insert(svc("U1", CSCHED_PRI_TS_UNDER));
    CreditVcpu y = svc("Y", CSCHED_PRI_TS_UNDER);
    y.setFlag(CSCHED_FLAG_VCPU_YIELD);
    runq.insert(y);
    assertThat(order()).containsExactly("U1", "Y", "idle");
  }

  @Test
  void runqIsIdleWhenEmptyOrHeadedByTheIdleVcpu() {
    assertThat(runq.isIdle(0)).isTrue();
    runq.insert(idle);
    assertThat(runq.isIdle(0)).isTrue();
    CreditVcpu o = svc("O", CSCHED_PRI_TS_OVER);
    runq.insert(o);
    assertThat(runq.isIdle(0)).isFalse();
    runq.remove(o);
    assertThat(runq.isIdle(0)).isTrue();
    assertThat(o.onRunq()).isFalse();
  }

  /**
   * Accounting rewrites priorities without moving queued vCPUs; the next tick's sort moves every
   * BOOST/UNDER element ahead of the OVER ones, stably, once per epoch.
   */
  @Test
  void sortIsStableAndOncePerEpoch() {
    runq.insert(idle);
    CreditVcpu a = svc("A", CSCHED_PRI_TS_UNDER);
    CreditVcpu b = svc("B", CSCHED_PRI_TS_UNDER);
    CreditVcpu c = svc("C", CSCHED_PRI_TS_UNDER);
    CreditVcpu d = svc("D", CSCHED_PRI_TS_OVER);
    for (CreditVcpu s : List.of(a, b, c, d)) {
      runq.insert(s);
    }
    a.pri = CSCHED_PRI_TS_OVER;
    c.pri = CSCHED_PRI_TS_OVER;
    d.pri = CSCHED_PRI_TS_UNDER;
    runq.sort(0);
    assertThat(order()).as("same epoch: not sorted").containsExactly("A", "B", "C", "D", "idle");
    prv.runqSort++;
    runq.sort(0);
    assertThat(order()).containsExactly("B", "D", "A", "C", "idle");
    b.pri = CSCHED_PRI_TS_OVER;
    runq.sort(0);
    assertThat(order()).as("once per epoch").containsExactly("B", "D", "A", "C", "idle");
  }
}
