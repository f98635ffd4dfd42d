package org.xensim.sched.credit2;

import org.xensim.core.domain.Domain;

// models csched2_alloc_domdata() state: struct csched2_dom
/** Per-domain data; models {@code struct csched2_dom} ({@code csched2_alloc_domdata()}). */
final class Credit2Domain {
  final Domain dom;
  /** {@code uint16_t weight}. */
  int weight;
  /** {@code nr_vcpus}. */
  int nrVcpus;

  Credit2Domain(Domain dom, int weight) {
    this.dom = dom;
    this.weight = weight;
  }
}
