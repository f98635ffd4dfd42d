package org.xensim.sched.credit;

import org.xensim.core.domain.Domain;

// models csched_alloc_domdata() state: struct csched_dom
/** Credit's per-domain data: Xen's {@code struct csched_dom} ({@code csched_alloc_domdata()}). */
final class CreditDom {
  /** {@code active_vcpu}: the domain's active vCPUs, most recently activated first. */
  final ListHead<CreditVcpu> activeVcpu = ListHead.head();
  /** {@code active_sdom_elem}: membership in the scheduler's {@code active_sdom} list. */
  final ListHead<CreditDom> activeSdomElem = ListHead.elem(this);
  final Domain dom;
  /** {@code active_vcpu_count} (a {@code uint16_t}). */
  int activeVcpuCount;
  /** {@code weight} (a {@code uint16_t}, 1..65535). */
  int weight;
  /** {@code cap} (a {@code uint16_t}, percent of one pCPU, 0 = none). */
  int cap;

  CreditDom(Domain dom, int weight, int cap) {
    this.dom = dom;
    this.weight = weight;
    this.cap = cap;
  }

  @Override
  public String toString() {
    return dom.name();
  }
}
