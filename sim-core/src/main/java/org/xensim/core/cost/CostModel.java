package org.xensim.core.cost;

import org.xensim.core.host.Topology.Distance;

/**
 * Optional costs of scheduling on the simulated host. All default to zero (and rates to 1.0), so
 * a default run shows the pure algorithm.
 *
 * @param contextSwitchNs time a pCPU spends switching vCPUs; {@code context_saved} runs at its end
 * @param ipiLatencyNs delay from raising a remote pCPU's schedule softirq to its pass
 * @param smtRate speed of a thread while its SMT sibling runs a vCPU (1.0 = no slowdown)
 * @param migrationCoreNs extra work for a vCPU that moved to another thread of the same core
 * @param migrationSocketNs extra work after moving to another core of the same socket
 * @param migrationNodeNs extra work after moving to another socket (or NUMA node)
 */
public record CostModel(long contextSwitchNs, long ipiLatencyNs, double smtRate,
    long migrationCoreNs, long migrationSocketNs, long migrationNodeNs) {

  public static final CostModel ZERO = new CostModel(0, 0, 1.0, 0, 0, 0);

  /** Extra work a vCPU needs after moving over {@code d} (a cold cache). */
  public long migrationPenaltyNs(Distance d) {
    switch (d) {
      case CORE:
        return migrationCoreNs;
      case SOCKET:
        return migrationSocketNs;
      case NODE:
      case REMOTE_NODE:
        return migrationNodeNs;
      default:
        return 0;
    }
  }
}
