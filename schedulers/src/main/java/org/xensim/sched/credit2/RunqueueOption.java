package org.xensim.sched.credit2;

import java.util.Locale;
import org.xensim.core.host.Topology;

// models parse_credit2_runqueue()
/**
 * The {@code credit2_runqueue} boot option ({@code OPT_RUNQUEUE_*}, parsed by
 * {@code parse_credit2_runqueue()}): which pCPUs share a runqueue.
 */
enum RunqueueOption {
  /** One runqueue per core (the 4.7 default). */
  CORE,
  /** One runqueue per socket. */
  SOCKET,
  /** One runqueue per NUMA node. */
  NODE,
  /** One runqueue for the whole pool. */
  ALL;

  /** The option's word in a scenario ({@code core}, ...). */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunqueueOption parse(String word) {
    return valueOf(word.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * Whether {@code cpu} belongs with {@code peer} under this option; models the test in
   * {@code cpu_to_runqueue()} with {@code same_core()}, {@code same_socket()} and
   * {@code same_node()}.
   */
  boolean sameRunqueue(Topology topo, int peer, int cpu) {
    switch (this) {
      case ALL:
        return true;
      case CORE:
        // same_core(): same socket and same core id within it
        return topo.socketOf(peer) == topo.socketOf(cpu) && topo.coreOf(peer) == topo.coreOf(cpu);
      case SOCKET:
        return topo.socketOf(peer) == topo.socketOf(cpu);
      case NODE:
        return topo.nodeOf(peer) == topo.nodeOf(cpu);
      default:
        throw new AssertionError(this);
    }
  }
}
